package com.relais.crm.attachment;

/** A file was added to a customer, a deal or an exchange, published in the transaction that records it. */
public record AttachmentAdded(long attachmentId, OwnerType ownerType, long ownerId, String fileName,
    String uploadedBy) {}
