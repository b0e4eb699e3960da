package com.relais.crm.opportunity;

/** The stages of a sale as the API names them (docs/api.md). */
public enum SaleStage {
  SALE_1_PROSPECT, SALE_2_QUALIFIED, SALE_3_PROPOSAL, SALE_4_NEGOTIATION, SALE_5_SIGNATURE, SALE_6_WON, SALE_LOST;

  boolean isFinal() {
    return this == SALE_6_WON || this == SALE_LOST;
  }
}
