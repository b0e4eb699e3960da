package com.relais.crm.demo;

/**
 * How far the seed takes a deal. {@code saleSteps} is how many steps of the sale it goes through, in the sale's order:
 * qualify, propose, follow up, win, send the delivery note, have it signed; what follows the last of them (a loss at
 * the follow-up, the delivery's own steps) is the milestone's own.
 */
enum Milestone {
  PROSPECT(0, "prospect"),
  QUALIFIED(1, "qualified"),
  PROPOSAL(2, "proposal"),
  NEGOTIATION(3, "negotiation"),
  NOTE_TO_SEND(4, "delivery note to send"),
  AWAITING_SIGNATURE(5, "awaiting signature"),
  LOST(2, "lost"),
  FINANCIAL_APPROVAL(6, "delivery at financial approval"),
  SUPPORT_CASE(6, "support case open"),
  AFTER_SALE(6, "delivered with after-sale running");

  private final int saleSteps;
  private final String label;

  Milestone(int saleSteps, String label) {
    this.saleSteps = saleSteps;
    this.label = label;
  }

  int saleSteps() {
    return saleSteps;
  }

  String label() {
    return label;
  }
}
