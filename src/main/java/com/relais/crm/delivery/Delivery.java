package com.relais.crm.delivery;

import com.relais.crm.audit.AuditedAs;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;
import org.hibernate.annotations.NaturalId;

/** The delivery of one won deal. Its stage moves only through {@link #moveTo}; a received or rejected one is done. */
@AuditedAs("delivery")
@Entity
public class Delivery {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  /** One delivery per deal (a unique column): looked up by this in the persistence context first. */
  @NaturalId
  private long opportunityId;

  @Enumerated(EnumType.STRING)
  private DeliveryStage stage;

  private String transport;
  private boolean simplified;
  private BigDecimal carrierQuote;
  private BigDecimal transportCost;
  private String approverGroup;
  private String paymentReference;
  private String receptionOutcome;
  private String receptionComment;
  private Long supportCaseId;
  /** Where it goes when not to the customer's address (WGS 84 degrees, both or neither); null: the customer's. */
  private Double latitude;
  private Double longitude;
  private Instant createdAt;
  private Instant updatedAt;

  @Version
  private long version;

  protected Delivery() {}

  Delivery(long opportunityId, String transport, boolean simplified, Instant now) {
    this.opportunityId = opportunityId;
    this.transport = transport;
    this.simplified = simplified;
    this.stage = DeliveryStage.DELIVERY_1_NOTE_ISSUED;
    this.createdAt = now;
    this.updatedAt = now;
  }

  /** @return the previous stage when the delivery moved; nothing when it already was there (a retried step) */
  Optional<DeliveryStage> moveTo(DeliveryStage next, Instant now) {
    if (next == stage) {
      return Optional.empty();
    }
    if (stage.isFinal()) {
      throw new IllegalStateException("Delivery of deal " + opportunityId + " is " + stage + " and cannot move to "
          + next);
    }
    DeliveryStage previous = stage;
    stage = next;
    updatedAt = now;
    return Optional.of(previous);
  }

  /** The carrier's quote counts once; the same amount again is a duplicate, another amount a conflict. */
  boolean acceptQuote(BigDecimal quote, Instant now) {
    if (carrierQuote != null) {
      if (carrierQuote.compareTo(quote) == 0) {
        return false;
      }
      throw new IllegalStateException("A quote of " + carrierQuote + " was already recorded for deal " + opportunityId);
    }
    carrierQuote = quote;
    updatedAt = now;
    return true;
  }

  void record(DeliveryDecisions decisions, Instant now) {
    if (decisions.transport() != null) {
      transport = decisions.transport();
    }
    if (decisions.transportCost() != null) {
      transportCost = decisions.transportCost();
    }
    if (decisions.approverGroup() != null) {
      approverGroup = decisions.approverGroup();
    }
    if (decisions.paymentReference() != null) {
      paymentReference = decisions.paymentReference();
    }
    if (decisions.receptionOutcome() != null) {
      receptionOutcome = decisions.receptionOutcome();
      receptionComment = decisions.receptionComment();
    }
    updatedAt = now;
  }

  /**
   * Sends the delivery to its own place, or back to the customer's address (both null). Refused once the delivery is
   * received or rejected: the place it was delivered to is history, and the rounds no longer read it.
   */
  void placeAt(Double latitude, Double longitude, Instant now) {
    if (stage.isFinal()) {
      throw new IllegalStateException("Delivery of deal " + opportunityId + " is " + stage
          + "; its place can no longer change");
    }
    if ((latitude == null) != (longitude == null)) {
      throw new IllegalArgumentException("A place needs both its latitude and its longitude, or neither");
    }
    this.latitude = latitude;
    this.longitude = longitude;
    updatedAt = now;
  }

  void linkSupportCase(long caseId, Instant now) {
    supportCaseId = caseId;
    updatedAt = now;
  }

  public Long getId() {
    return id;
  }

  public long getOpportunityId() {
    return opportunityId;
  }

  public DeliveryStage getStage() {
    return stage;
  }

  public String getTransport() {
    return transport;
  }

  public boolean isSimplified() {
    return simplified;
  }

  public BigDecimal getCarrierQuote() {
    return carrierQuote;
  }

  public BigDecimal getTransportCost() {
    return transportCost;
  }

  public String getApproverGroup() {
    return approverGroup;
  }

  public String getPaymentReference() {
    return paymentReference;
  }

  public String getReceptionOutcome() {
    return receptionOutcome;
  }

  public String getReceptionComment() {
    return receptionComment;
  }

  public Long getSupportCaseId() {
    return supportCaseId;
  }

  public Double getLatitude() {
    return latitude;
  }

  public Double getLongitude() {
    return longitude;
  }

  public Instant getUpdatedAt() {
    return updatedAt;
  }
}
