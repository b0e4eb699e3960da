package com.relais.crm.document;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;

@Entity
public class GeneratedDocument {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  private long opportunityId;

  @Enumerated(EnumType.STRING)
  private DocumentKind kind;

  private String objectKey;
  private String fileName;
  private long sizeBytes;
  private String sha256;
  private Instant createdAt;

  protected GeneratedDocument() {}

  GeneratedDocument(long opportunityId, DocumentKind kind, String objectKey, String fileName, long sizeBytes,
      String sha256, Instant createdAt) {
    this.opportunityId = opportunityId;
    this.kind = kind;
    this.objectKey = objectKey;
    this.fileName = fileName;
    this.sizeBytes = sizeBytes;
    this.sha256 = sha256;
    this.createdAt = createdAt;
  }

  public Long getId() {
    return id;
  }

  public long getOpportunityId() {
    return opportunityId;
  }

  public DocumentKind getKind() {
    return kind;
  }

  public String getObjectKey() {
    return objectKey;
  }

  public String getFileName() {
    return fileName;
  }

  public long getSizeBytes() {
    return sizeBytes;
  }

  public String getSha256() {
    return sha256;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }
}
