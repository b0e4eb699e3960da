package com.relais.crm.support;

import com.relais.crm.audit.AuditedAs;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.time.Instant;

/** A customer's problem after a delivery, from triage to the customer's confirmation. */
@AuditedAs("support-case")
@Entity
public class SupportCase {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  private long opportunityId;
  private String deliveryProcessInstanceId;
  private String reason;

  @Enumerated(EnumType.STRING)
  private SupportCaseStatus status;

  private String priority;
  private String resolution;
  private String resolutionNotes;
  private boolean escalated;
  private Instant openedAt;
  private Instant resolvedAt;
  private Instant updatedAt;

  @Version
  private long version;

  protected SupportCase() {}

  SupportCase(long opportunityId, String deliveryProcessInstanceId, String reason, Instant now) {
    this.opportunityId = opportunityId;
    this.deliveryProcessInstanceId = deliveryProcessInstanceId;
    this.reason = reason;
    this.status = SupportCaseStatus.OPEN;
    this.openedAt = now;
    this.updatedAt = now;
  }

  void triage(String priority, Instant now) {
    requireOpen();
    this.priority = priority;
    this.status = SupportCaseStatus.TRIAGED;
    this.updatedAt = now;
  }

  void proposeResolution(String resolution, String notes, Instant now) {
    requireOpen();
    this.resolution = resolution;
    this.resolutionNotes = notes;
    this.status = SupportCaseStatus.AWAITING_CONFIRMATION;
    this.updatedAt = now;
  }

  void customerAnswered(boolean satisfied, Instant now) {
    requireOpen();
    this.status = satisfied ? SupportCaseStatus.RESOLVED : SupportCaseStatus.REOPENED;
    this.resolvedAt = satisfied ? now : null;
    this.updatedAt = now;
  }

  void escalated(Instant now) {
    this.escalated = true;
    this.updatedAt = now;
  }

  private void requireOpen() {
    if (status == SupportCaseStatus.RESOLVED) {
      throw new IllegalStateException("Support case " + id + " is already resolved");
    }
  }

  public Long getId() {
    return id;
  }

  public long getOpportunityId() {
    return opportunityId;
  }

  public String getDeliveryProcessInstanceId() {
    return deliveryProcessInstanceId;
  }

  public String getReason() {
    return reason;
  }

  public SupportCaseStatus getStatus() {
    return status;
  }

  public String getPriority() {
    return priority;
  }

  public String getResolution() {
    return resolution;
  }

  public String getResolutionNotes() {
    return resolutionNotes;
  }

  public boolean isEscalated() {
    return escalated;
  }

  public Instant getOpenedAt() {
    return openedAt;
  }

  public Instant getResolvedAt() {
    return resolvedAt;
  }

  public Instant getUpdatedAt() {
    return updatedAt;
  }
}
