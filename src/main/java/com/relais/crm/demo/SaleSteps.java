package com.relais.crm.demo;

import com.relais.crm.opportunity.DeliveryNoteSignatures;
import com.relais.crm.opportunity.SaleBpmn;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The steps of processes/sale.bpmn as the deal's salesperson takes them in Tasklist, with the variables the forms
 * send (processes/form_*.form), and the customer's signature as the e-signature provider reports it.
 */
@Component
@DemoSeedEnabled
class SaleSteps {
  private static final String QUALIFY = "userTask_qualifyProspect";
  private static final String PROPOSE = "userTask_prepareProposal";
  private static final String FOLLOW_UP = "userTask_followUpProposal";
  private static final String NEGOTIATE = "userTask_negotiate";
  private static final String SEND_NOTE = "userTask_sendDeliveryNote";

  private final TaskWork tasks;
  private final DeliveryNoteSignatures signatures;
  private final ActingAs actingAs;

  SaleSteps(TaskWork tasks, DeliveryNoteSignatures signatures, ActingAs actingAs) {
    this.tasks = tasks;
    this.signatures = signatures;
    this.actingAs = actingAs;
  }

  boolean qualify(OpenedDeal deal) {
    return goOn(deal, QUALIFY, "Besoin confirmé lors de l'appel, budget validé par la direction.");
  }

  boolean propose(OpenedDeal deal) {
    return goOn(deal, PROPOSE, "Proposition envoyée par e-mail avec le devis détaillé et les fiches techniques.");
  }

  boolean followUp(OpenedDeal deal) {
    return goOn(deal, FOLLOW_UP, "Relance faite : le client compare encore avec une autre offre, rendez-vous pris.");
  }

  boolean loseAtFollowUp(OpenedDeal deal) {
    return tasks.complete(deal.id(), FOLLOW_UP, deal.plan().owner(), Map.of(
        SaleBpmn.SALE_OUTCOME, SaleBpmn.OUTCOME_LOST,
        SaleBpmn.STAGE_COMMENT, "Le client a retenu une offre moins chère, avec un délai de livraison plus long."));
  }

  /** Won in negotiation: the job executor generates the delivery note, then it waits in Tasklist to be sent. */
  boolean win(OpenedDeal deal) {
    return tasks.complete(deal.id(), NEGOTIATE, deal.plan().owner(), Map.of(
            SaleBpmn.SALE_OUTCOME, SaleBpmn.OUTCOME_WON,
            SaleBpmn.TRANSPORT, deal.plan().transport(),
            SaleBpmn.SIMPLIFIED, deal.plan().simplified(),
            SaleBpmn.STAGE_COMMENT, "Remise de 4 % accordée contre un paiement à 30 jours ; accord du client."))
        && tasks.awaitTask(deal.id(), SEND_NOTE, null).isPresent();
  }

  boolean sendNote(OpenedDeal deal) {
    return tasks.complete(deal.id(), SEND_NOTE, deal.plan().owner(), Map.of("deliveryNoteSent", true));
  }

  /**
   * The customer signs, as POST .../delivery-note/signature reports it: the sale ends as won and the job executor
   * starts the delivery and the after-sale.
   */
  boolean sign(OpenedDeal deal) {
    return actingAs.crm(deal.plan().owner(), () -> signatures.record(deal.id(), deal.plan().signer()));
  }

  private boolean goOn(OpenedDeal deal, String taskKey, String comment) {
    return tasks.complete(deal.id(), taskKey, deal.plan().owner(), Map.of(
        SaleBpmn.SALE_OUTCOME, SaleBpmn.OUTCOME_OPEN,
        SaleBpmn.STAGE_COMMENT, comment));
  }
}
