package com.relais.crm.contact;

import java.time.Instant;
import java.time.LocalDate;

/** A customer on a day's contact list, as staff read it (GET /api/contact-plans/{date}). */
record ContactEntry(long id, LocalDate planDate, long customerId, String customerName, String assignee, Long teamId,
    int priority, String reason, Status status, String taskId, String outcome, Long exchangeId, Instant completedAt) {

  enum Status {
    /** Waiting for its result. */
    OPEN,
    /** The result is recorded. */
    DONE,
    /** The day's deadline passed without a result: the team's manager decides. */
    ESCALATED,
    /** The manager moved it to another day or person; the customer is on that day's list. */
    CARRIED_OVER
  }
}
