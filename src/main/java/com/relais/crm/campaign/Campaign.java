package com.relais.crm.campaign;

import java.time.Instant;

/** A campaign as stored and shown, with its counts (GET /api/campaigns/{id}). */
record Campaign(long id, String name, CampaignRequest.Channel channel, CampaignRequest.Purpose purpose, String subject,
    String text, Audience audience, Instant sendAt, Status status, String createdBy, String decidedBy,
    String decisionNote, Instant sentAt, Instant closedAt, Counts counts) {

  enum Status {
    DRAFT, AWAITING_APPROVAL, SCHEDULED, SENDING, SENT, REJECTED, CANCELLED
  }

  /**
   * What the campaign did: customers targeted at sending, left out for lack of consent, sent, failed, who withdrew
   * their consent through its link, replies, and the deals its recipients won afterwards with their revenue.
   */
  record Counts(long targeted, long excludedNoConsent, long sent, long failed, long optedOut, long replies,
      long dealsWon, java.math.BigDecimal revenue) {}
}
