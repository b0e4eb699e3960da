package com.relais.crm.contact;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

/** One planned action of a customer's work plan (/api/customers/{id}/plan-items). */
record PlanItem(long id, long customerId, String title, Kind kind, LocalDate dueOn, String assignee, String createdBy,
    Status status, Instant doneAt, Long exchangeId, Long templateId) {

  enum Status {
    PLANNED, DONE, CANCELLED
  }

  /** What is planned, and which logged exchanges fulfil it. */
  enum Kind {
    CALL(Set.of("CALL")),
    VISIT(Set.of("MEETING")),
    EMAIL(Set.of("EMAIL", "LETTER")),
    /** Any contact with the customer. */
    FOLLOW_UP(Set.of("CALL", "LETTER", "MEETING", "EMAIL", "SMS")),
    /** Only by hand: no exchange says what "other" was. */
    OTHER(Set.of());

    private final Set<String> fulfilledBy;

    Kind(Set<String> fulfilledBy) {
      this.fulfilledBy = fulfilledBy;
    }

    boolean fulfilledBy(String exchangeType) {
      return fulfilledBy.contains(exchangeType);
    }
  }
}
