package com.relais.crm.attachment;

/** Published inside the transaction that records an upload; text extraction starts once it commits. */
record AttachmentStored(long attachmentId, String objectKey, String contentType) {}
