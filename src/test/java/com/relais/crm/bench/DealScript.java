package com.relais.crm.bench;

import java.util.List;
import java.util.Map;

/**
 * The one deal every scenario drives: opened, qualified, proposed, followed up, won with external transport, its
 * delivery note sent and signed, the carrier's quote received, the cost evaluated and approved, the delivery
 * confirmed, the transport paid and the reception positive. Scenario A drives it through the Java API, B over
 * HTTP; only the {@link Hands} differ.
 */
final class DealScript {
  static final String SALES = "sales";
  static final String LOGISTICS = "logistics";
  static final String FINANCE = "finance";

  /** The user tasks of one deal, in order; the driver waits for each of them and for the carrier-quote wait. */
  static final List<String> TASKS = List.of("userTask_qualifyProspect", "userTask_prepareProposal",
      "userTask_followUpProposal", "userTask_negotiate", "userTask_sendDeliveryNote",
      "userTask_evaluateTransportCost", "userTask_approveTransport", "userTask_confirmDelivery",
      "userTask_payTransport", "userTask_recordReception");
  static final String QUOTE_WAIT = "receiveTask_awaitCarrierQuote";
  static final double QUOTE = 180;

  /** What one side offers to open a deal, complete its tasks and deliver its two outside signals. */
  interface Hands {
    /** Opens deal number {@code n}; answers its business key (the opportunity id). */
    long open(int n);

    void complete(long deal, String taskKey, String user, Map<String, Object> variables);

    void sign(long deal);

    /** Delivers the carrier's quote once the delivery waits for it. */
    void quote(long deal, double amount);
  }

  private DealScript() {}

  static void drive(Hands hands, int n) {
    long deal = hands.open(n);
    hands.complete(deal, "userTask_qualifyProspect", SALES, Map.of("saleOutcome", "OPEN"));
    hands.complete(deal, "userTask_prepareProposal", SALES, Map.of("saleOutcome", "OPEN"));
    hands.complete(deal, "userTask_followUpProposal", SALES, Map.of("saleOutcome", "OPEN"));
    hands.complete(deal, "userTask_negotiate", SALES,
        Map.of("saleOutcome", "WON", "transport", "EXTERNAL", "simplified", false));
    hands.complete(deal, "userTask_sendDeliveryNote", SALES, Map.of("deliveryNoteSent", true));
    hands.sign(deal);
    hands.quote(deal, QUOTE);
    hands.complete(deal, "userTask_evaluateTransportCost", LOGISTICS,
        Map.of("transport", "EXTERNAL", "transportCost", QUOTE));
    hands.complete(deal, "userTask_approveTransport", FINANCE, Map.of("transportApproved", true));
    hands.complete(deal, "userTask_confirmDelivery", LOGISTICS, Map.of("confirmed", true));
    hands.complete(deal, "userTask_payTransport", FINANCE, Map.of("paymentReference", "PAY-" + deal));
    hands.complete(deal, "userTask_recordReception", LOGISTICS, Map.of("receptionOutcome", "POSITIVE"));
  }
}
