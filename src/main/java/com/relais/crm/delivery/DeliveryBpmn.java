package com.relais.crm.delivery;

import com.relais.crm.engine.DecisionVariables;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/** Names shared between processes/delivery.bpmn and the Java side. */
public final class DeliveryBpmn {
  public static final String PROCESS_KEY = "delivery";
  public static final String MESSAGE_CARRIER_QUOTE_RECEIVED = "CarrierQuoteReceived";
  /** Record the reception: logistics in Tasklist, or the signature of the reception note on a phone. */
  public static final String RECEPTION_TASK = "userTask_recordReception";

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
  public static final String OUTCOME_POSITIVE = "POSITIVE";
  public static final String TRANSPORT_APPROVED = "transportApproved";
  public static final String CONFIRMED = "confirmed";
  public static final String TRANSPORT_EXTERNAL = "EXTERNAL";
  public static final String TRANSPORT_INTERNAL = "INTERNAL";

  private DeliveryBpmn() {}

  /** The delivery's decisions, held to these values at every task completion. */
  @Component
  static class Decisions implements DecisionVariables {
    @Override
    public Map<String, Set<String>> choices() {
      return Map.of(TRANSPORT, Set.of(TRANSPORT_EXTERNAL, TRANSPORT_INTERNAL),
          RECEPTION_OUTCOME, Set.of(OUTCOME_POSITIVE, OUTCOME_NEGATIVE));
    }

    @Override
    public Set<String> flags() {
      return Set.of(SIMPLIFIED, TRANSPORT_APPROVED, CONFIRMED);
    }

    @Override
    public Set<String> amounts() {
      return Set.of(TRANSPORT_COST, CARRIER_QUOTE);
    }
  }
}
