package com.relais.crm.opportunity;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A deal as the API shows it, with its stage history when read one at a time. */
public record OpportunityView(
    Long id, long customerId, String customerName, String title, BigDecimal amount, String currency, String owner,
    LocalDate expectedCloseDate, SaleStage stage, String deliveryNoteSignedBy, Instant deliveryNoteSignedAt,
    Instant createdAt, Instant updatedAt, List<StageChangeView> stageHistory, List<StageCommentView> comments) {

  /** A comment written in a stage's form: the stage, the task, the text, who and when. */
  public record StageCommentView(String stage, String task, String comment, String by, Instant at) {}

  public record StageChangeView(String from, String to, String by, Instant at) {
    public static StageChangeView of(StageChange change) {
      return new StageChangeView(change.getFromStage(), change.getToStage(), change.getChangedBy(),
          change.getChangedAt());
    }
  }

  static OpportunityView of(Opportunity o, String customerName, List<StageChange> history,
      List<StageCommentView> comments) {
    return new OpportunityView(o.getId(), o.getCustomerId(), customerName, o.getTitle(), o.getAmount(), o.getCurrency(),
        o.getOwner(), o.getExpectedCloseDate(), o.getStage(), o.getDeliveryNoteSignedBy(),
        o.getDeliveryNoteSignedAt(), o.getCreatedAt(), o.getUpdatedAt(),
        history == null ? null : history.stream().map(StageChangeView::of).toList(), comments);
  }
}
