package com.relais.crm.opportunity;

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
import java.time.LocalDate;
import java.util.Optional;

/** A deal with one customer. Its stage only moves through {@link #moveTo}, which the sale process drives. */
@AuditedAs("deal")
@Entity
public class Opportunity {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  private long customerId;
  private String title;
  private BigDecimal amount;
  private String currency;
  private String owner;
  private LocalDate expectedCloseDate;

  @Enumerated(EnumType.STRING)
  private SaleStage stage;

  private String deliveryNoteSignedBy;
  private Instant deliveryNoteSignedAt;

  private Instant createdAt;
  private Instant updatedAt;

  @Version
  private long version;

  protected Opportunity() {}

  Opportunity(long customerId, String title, BigDecimal amount, String currency, String owner,
      LocalDate expectedCloseDate, Instant now) {
    this.customerId = customerId;
    this.title = title.strip();
    this.amount = amount;
    this.currency = currency;
    this.owner = owner;
    this.expectedCloseDate = expectedCloseDate;
    this.stage = SaleStage.SALE_1_PROSPECT;
    this.createdAt = now;
    this.updatedAt = now;
  }

  /**
   * Moves the deal to {@code next}. Entering the stage it is already in changes nothing (a retried job must not
   * write history twice); a won or lost deal does not move any more.
   *
   * @return the previous stage when the deal moved
   */
  Optional<SaleStage> moveTo(SaleStage next, Instant now) {
    if (next == stage) {
      return Optional.empty();
    }
    if (stage.isFinal()) {
      throw new IllegalStateException("Deal " + id + " is " + stage + " and cannot move to " + next);
    }
    SaleStage previous = stage;
    stage = next;
    updatedAt = now;
    return Optional.of(previous);
  }

  boolean isDeliveryNoteSigned() {
    return deliveryNoteSignedAt != null;
  }

  /** The customer's signature arrives once; a second one for the same note is refused by the caller. */
  void recordDeliveryNoteSignature(String signedBy, Instant now) {
    if (isDeliveryNoteSigned()) {
      throw new IllegalStateException("The delivery note of deal " + id + " is already signed");
    }
    this.deliveryNoteSignedBy = signedBy;
    this.deliveryNoteSignedAt = now;
    this.updatedAt = now;
  }

  public String getDeliveryNoteSignedBy() {
    return deliveryNoteSignedBy;
  }

  public Instant getDeliveryNoteSignedAt() {
    return deliveryNoteSignedAt;
  }

  public Long getId() {
    return id;
  }

  public long getCustomerId() {
    return customerId;
  }

  public String getTitle() {
    return title;
  }

  public BigDecimal getAmount() {
    return amount;
  }

  public String getCurrency() {
    return currency;
  }

  public String getOwner() {
    return owner;
  }

  public LocalDate getExpectedCloseDate() {
    return expectedCloseDate;
  }

  public SaleStage getStage() {
    return stage;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public Instant getUpdatedAt() {
    return updatedAt;
  }
}
