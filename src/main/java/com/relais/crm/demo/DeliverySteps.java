package com.relais.crm.demo;

import com.relais.crm.aftersale.AfterSaleBpmn;
import com.relais.crm.delivery.DeliveryBpmn;
import com.relais.crm.delivery.DeliveryProcess;
import com.relais.crm.identity.StaffGroups;
import com.relais.crm.support.SupportBpmn;
import java.math.BigDecimal;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * What follows a signed deal, as each team does it: logistics (carrier quote, cost, confirmation, reception), the
 * approver processes/approval-level.dmn names, finance (payment), support (triage of the case a negative reception
 * opens) and the after-sale's installation. Tasks of processes/delivery.bpmn, support.bpmn and after-sale.bpmn.
 */
@Component
@DemoSeedEnabled
class DeliverySteps {
  private static final String EVALUATE_COST = "userTask_evaluateTransportCost";
  private static final String APPROVE_COST = "userTask_approveTransport";
  private static final String CONFIRM = "userTask_confirmDelivery";
  private static final String PAY = "userTask_payTransport";
  private static final String RECORD_RECEPTION = "userTask_recordReception";
  private static final String TRIAGE = "userTask_triageCase";
  private static final BigDecimal CARRIER_QUOTE = new BigDecimal("380");
  private static final int INTERNAL_COST = 250;

  private final TaskWork tasks;
  private final DeliveryProcess deliveries;
  private final ActingAs actingAs;

  DeliverySteps(TaskWork tasks, DeliveryProcess deliveries, ActingAs actingAs) {
    this.tasks = tasks;
    this.deliveries = deliveries;
    this.actingAs = actingAs;
  }

  /** The carrier quotes, logistics takes the quote as the cost, and the approval waits in the approver's Tasklist. */
  boolean toFinancialApproval(OpenedDeal deal) {
    return tasks.awaitMessageWait(deal.id(), DeliveryBpmn.MESSAGE_CARRIER_QUOTE_RECEIVED)
        && actingAs.crm(DemoStaff.LOGISTICS, () -> deliveries.receiveQuote(deal.id(), CARRIER_QUOTE))
        && evaluateCost(deal, DeliveryBpmn.TRANSPORT_EXTERNAL, CARRIER_QUOTE.intValue())
        && tasks.awaitTask(deal.id(), APPROVE_COST, null).isPresent();
  }

  /** A simplified delivery confirmed, paid and refused at reception: support has triaged the case it opened. */
  boolean toOpenSupportCase(OpenedDeal deal) {
    return confirm(deal)
        && pay(deal)
        && recordReception(deal, DeliveryBpmn.OUTCOME_NEGATIVE,
            "Deux montants de rayonnage tordus à la livraison, palette mal sanglée.")
        && tasks.complete(deal.id(), TRIAGE, deal.plan().owner(), Map.of(
            SupportBpmn.PRIORITY, "HIGH",
            "triageNotes", "Photos reçues ; remplacement des deux montants à prévoir avec le fournisseur."));
  }

  /** Delivered by our own transport and received in good order; the after-sale's installation is done. */
  boolean toAfterSale(OpenedDeal deal) {
    return evaluateCost(deal, DeliveryBpmn.TRANSPORT_INTERNAL, INTERNAL_COST)
        && tasks.complete(deal.id(), APPROVE_COST, deal.plan().owner(),
            Map.of(DeliveryBpmn.TRANSPORT_APPROVED, true))
        && confirm(deal)
        && pay(deal)
        && recordReception(deal, DeliveryBpmn.OUTCOME_POSITIVE, "Livraison complète et conforme, rien à signaler.")
        // the after-sale started with the win; its other tasks (training, satisfaction call) stay open
        && tasks.complete(deal.id(), AfterSaleBpmn.TASK_ACTIVITY, StaffGroups.LOGISTICS, deal.plan().owner(), Map.of(
            "done", true,
            "comment", "Niveleurs de quai installés, chef de quai formé à leur utilisation."));
  }

  private boolean evaluateCost(OpenedDeal deal, String transport, int cost) {
    return tasks.complete(deal.id(), EVALUATE_COST, deal.plan().owner(), Map.of(
        DeliveryBpmn.TRANSPORT, transport,
        DeliveryBpmn.TRANSPORT_COST, cost));
  }

  private boolean confirm(OpenedDeal deal) {
    return tasks.complete(deal.id(), CONFIRM, deal.plan().owner(), Map.of(DeliveryBpmn.CONFIRMED, true));
  }

  /** Then the job executor generates the reception note before the reception can be recorded. */
  private boolean pay(OpenedDeal deal) {
    return tasks.complete(deal.id(), PAY, deal.plan().owner(),
        Map.of(DeliveryBpmn.PAYMENT_REFERENCE, "VIR-" + deal.id() + "-TRANSPORT"));
  }

  private boolean recordReception(OpenedDeal deal, String outcome, String comment) {
    return tasks.complete(deal.id(), RECORD_RECEPTION, deal.plan().owner(), Map.of(
        DeliveryBpmn.RECEPTION_OUTCOME, outcome,
        DeliveryBpmn.RECEPTION_COMMENT, comment));
  }
}
