package com.relais.crm.contact;

import java.time.LocalDate;

/** What puts a customer on the list of a day whatever the table says: a promised call-back or a missed contact. */
record FollowUp(long id, long customerId, LocalDate dueOn, Kind kind, String assignee, String reason,
    int priorityBoost) {

  enum Kind {
    CALL_BACK, CARRIED_OVER
  }
}
