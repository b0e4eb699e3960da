package com.relais.crm.delivery;

/** The eight stages of a delivery as the API names them (docs/api.md). */
public enum DeliveryStage {
  DELIVERY_1_NOTE_ISSUED, DELIVERY_2_CARRIER_TRANSFER, DELIVERY_3_COST_EVALUATION, DELIVERY_4_FINANCIAL_APPROVAL,
  DELIVERY_5_CONFIRMATION, DELIVERY_6_PAYMENT, DELIVERY_7_RECEIVED, DELIVERY_8_REJECTED;

  boolean isFinal() {
    return this == DELIVERY_7_RECEIVED || this == DELIVERY_8_REJECTED;
  }
}
