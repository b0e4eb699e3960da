package com.relais.crm.attachment;

import com.relais.crm.audit.AuditedAs;
import jakarta.persistence.Basic;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;

/** A stored file's record. Written once; only its extracted text is filled in later. */
@AuditedAs(value = "attachment", ignore = {"extractedText", "textStatus"})
@Entity
public class Attachment {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  private String objectKey;
  private String fileName;
  private String contentType;
  private long size;
  private String sha256;

  @Enumerated(EnumType.STRING)
  private OwnerType ownerType;

  private long ownerId;
  private String uploadedBy;
  private Instant uploadedAt;

  @Enumerated(EnumType.STRING)
  private TextStatus textStatus;

  // up to a megabyte: not loaded with every list of attachments
  @Basic(fetch = FetchType.LAZY)
  private String extractedText;

  protected Attachment() {}

  Attachment(String objectKey, String fileName, String contentType, long size, String sha256, OwnerType ownerType,
      long ownerId, String uploadedBy, Instant uploadedAt) {
    this.objectKey = objectKey;
    this.fileName = fileName;
    this.contentType = contentType;
    this.size = size;
    this.sha256 = sha256;
    this.ownerType = ownerType;
    this.ownerId = ownerId;
    this.uploadedBy = uploadedBy;
    this.uploadedAt = uploadedAt;
    this.textStatus = TextStatus.PENDING;
  }

  public Long getId() {
    return id;
  }

  public String getObjectKey() {
    return objectKey;
  }

  public String getFileName() {
    return fileName;
  }

  public String getContentType() {
    return contentType;
  }

  public long getSize() {
    return size;
  }

  public String getSha256() {
    return sha256;
  }

  public OwnerType getOwnerType() {
    return ownerType;
  }

  public long getOwnerId() {
    return ownerId;
  }

  public String getUploadedBy() {
    return uploadedBy;
  }

  public Instant getUploadedAt() {
    return uploadedAt;
  }

  public TextStatus getTextStatus() {
    return textStatus;
  }
}
