package com.relais.crm.opportunity;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;

/** One line of a deal's stage history, sale and delivery alike: from, to, who, when. */
@Entity
public class StageChange {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  private long opportunityId;
  private String fromStage;
  private String toStage;
  private String changedBy;
  private Instant changedAt;

  protected StageChange() {}

  public StageChange(long opportunityId, String fromStage, String toStage, String changedBy, Instant changedAt) {
    this.opportunityId = opportunityId;
    this.fromStage = fromStage;
    this.toStage = toStage;
    this.changedBy = changedBy;
    this.changedAt = changedAt;
  }

  public long getOpportunityId() {
    return opportunityId;
  }

  public String getFromStage() {
    return fromStage;
  }

  public String getToStage() {
    return toStage;
  }

  public String getChangedBy() {
    return changedBy;
  }

  public Instant getChangedAt() {
    return changedAt;
  }
}
