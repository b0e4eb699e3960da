package com.relais.crm.delivery;

/** Names shared between processes/delivery.bpmn and the Java side. */
public final class DeliveryBpmn {
  public static final String PROCESS_KEY = "delivery";
  public static final String MESSAGE_CARRIER_QUOTE_RECEIVED = "CarrierQuoteReceived";

  public static final String TRANSPORT = "transport";
  public static final String SIMPLIFIED = "simplified";
  public static final String INTERNAL_TRANSPORT_COST = "internalTransportCost";
  public static final String CARRIER_QUOTE = "carrierQuote";
  public static final String TRANSPORT_COST = "transportCost";
  public static final String APPROVER_GROUP = "approverGroup";
  public static final String PAYMENT_REFERENCE = "paymentReference";
  public static final String RECEPTION_OUTCOME = "receptionOutcome";
  public static final String RECEPTION_COMMENT = "receptionComment";
  public static final String RECEPTION_NOTE_ATTACHMENT_ID = "receptionNoteAttachmentId";
  public static final String DELIVERY_NOTE_ATTACHMENT_ID = "deliveryNoteAttachmentId";
  public static final String OUTCOME_NEGATIVE = "NEGATIVE";

  private DeliveryBpmn() {}
}
