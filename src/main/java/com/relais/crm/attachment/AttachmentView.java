package com.relais.crm.attachment;

import java.time.Instant;

/** An attachment as the API shows it; the store key stays inside. */
public record AttachmentView(
    Long id, String fileName, String contentType, long size, String sha256, OwnerType ownerType, long ownerId,
    String uploadedBy, Instant uploadedAt, TextStatus textStatus) {

  static AttachmentView of(Attachment a) {
    return new AttachmentView(a.getId(), a.getFileName(), a.getContentType(), a.getSize(), a.getSha256(),
        a.getOwnerType(), a.getOwnerId(), a.getUploadedBy(), a.getUploadedAt(), a.getTextStatus());
  }
}
