package com.relais.crm.communication;

import java.util.List;
import java.util.Set;

/**
 * An exchange was logged with a customer, published in the transaction that records it. A private one may be read
 * by its author and assignees only, and nobody else may be told of it.
 */
public record ExchangeLogged(long exchangeId, Long customerId, List<Long> opportunityIds, String type, String status,
    String subject, boolean privateEntry, String author, Set<String> assignees) {

  /** Who may read it: everyone who may read its customer, or for a private one its author and assignees. */
  public boolean readableBy(String userId) {
    return !privateEntry || userId.equals(author) || assignees.contains(userId);
  }
}
