package com.relais.crm.opportunity;

/** Names shared between processes/sale.bpmn and the Java side. */
public final class SaleBpmn {
  public static final String PROCESS_KEY = "sale";
  public static final String MESSAGE_DELIVERY_NOTE_SIGNED = "DeliveryNoteSigned";

  public static final String SALE_OUTCOME = "saleOutcome";
  public static final String OUTCOME_WON = "WON";
  public static final String OUTCOME_LOST = "LOST";
  public static final String OUTCOME_OPEN = "OPEN";
  public static final String TRANSPORT = "transport";
  public static final String SIMPLIFIED = "simplified";
  public static final String SIGNED_BY = "signedBy";
  public static final String DELIVERY_NOTE_ATTACHMENT_ID = "deliveryNoteAttachmentId";

  private SaleBpmn() {}
}
