package com.relais.crm.communication;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;

/** An exchange as the API shows it; lists are sorted so answers are stable. */
public record CommunicationView(
    Long id, String type, String subject, String details, Instant start, Instant end,
    String status, @JsonProperty("private") boolean privateEntry, String author,
    List<String> assignees, Long customerId, List<Long> opportunityIds, Instant createdAt, Instant updatedAt) {

  static CommunicationView of(Communication c) {
    return new CommunicationView(c.getId(), c.getType(), c.getSubject(), c.getDetails(), c.getStartsAt(),
        c.getEndsAt(), c.getStatus(), c.isPrivateEntry(), c.getAuthor(),
        c.getAssignees().stream().sorted().toList(), c.getCustomerId(),
        c.getOpportunityIds().stream().sorted().toList(), c.getCreatedAt(), c.getUpdatedAt());
  }
}
