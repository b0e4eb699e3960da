package com.relais.crm.opportunity;

import org.springframework.context.ApplicationEventPublisher;
import com.relais.crm.deal.DealKey;
import com.relais.crm.deal.DealVariables;
import com.relais.crm.platform.ConflictException;
import com.relais.crm.platform.NotFoundException;
import java.time.Clock;
import org.springframework.transaction.annotation.Transactional;
import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** The one class that starts and signals the sale process (docs/architecture.md, rules). */
@Component
class SaleProcess {
  private final RuntimeService runtimeService;
  private final TaskService taskService;
  private final OpportunityRepository opportunities;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  SaleProcess(RuntimeService runtimeService, TaskService taskService, OpportunityRepository opportunities,
      ApplicationEventPublisher events, Clock clock) {
    this.runtimeService = runtimeService;
    this.taskService = taskService;
    this.opportunities = opportunities;
    this.events = events;
    this.clock = clock;
  }

  /**
   * Correlates the customer's signature to the sale waiting for it. A repeated signature is acknowledged without
   * effect; a deal not waiting for one is a conflict, never a 500.
   */
  @Transactional
  SignatureController.SignatureReceipt signDeliveryNote(long opportunityId, String signedBy) {
    Opportunity deal = opportunities.findById(opportunityId)
        .orElseThrow(() -> new NotFoundException("Opportunity", opportunityId));
    if (deal.isDeliveryNoteSigned()) {
      return new SignatureController.SignatureReceipt(opportunityId, deal.getDeliveryNoteSignedBy(), true);
    }
    String key = DealKey.of(opportunityId);
    boolean waiting = runtimeService.createExecutionQuery()
        .processDefinitionKey(SaleBpmn.PROCESS_KEY).processInstanceBusinessKey(key)
        .messageEventSubscriptionName(SaleBpmn.MESSAGE_DELIVERY_NOTE_SIGNED).count() > 0;
    if (!waiting) {
      throw new ConflictException("Deal " + opportunityId + " is not waiting for a signature: " + whatItWaitsFor(key)
          + " (stage " + deal.getStage() + ")");
    }
    deal.recordDeliveryNoteSignature(signedBy, clock.instant());
    events.publishEvent(new DeliveryNoteSigned(opportunityId, signedBy));
    runtimeService.createMessageCorrelation(SaleBpmn.MESSAGE_DELIVERY_NOTE_SIGNED)
        .processInstanceBusinessKey(key)
        .setVariable(SaleBpmn.SIGNED_BY, signedBy)
        .correlate();
    return new SignatureController.SignatureReceipt(opportunityId, signedBy, false);
  }

  /** What the deal's sale waits for instead, in the words a person sees in Tasklist. */
  private String whatItWaitsFor(String key) {
    var running = runtimeService.createProcessInstanceQuery().processDefinitionKey(SaleBpmn.PROCESS_KEY)
        .processInstanceBusinessKey(key).active().singleResult();
    if (running == null) {
      return "its sale has ended";
    }
    List<String> steps = taskService.createTaskQuery().processInstanceId(running.getId()).list().stream()
        .map(task -> "'" + task.getName() + "'").toList();
    return steps.isEmpty() ? "its sale is at another step" : "its sale waits for the task " + String.join(", ", steps);
  }

  /** Synchronous, inside the creating transaction: a deal without its sale cannot be committed. */
  @EventListener
  void start(OpportunityCreated created) {
    Opportunity deal = opportunities.findById(created.opportunityId()).orElseThrow();
    runtimeService.startProcessInstanceByKey(SaleBpmn.PROCESS_KEY,
        DealKey.of(deal.getId()),
        DealVariables.of(deal.getId(), created.customerName(), deal.getTitle(), deal.getAmount(), deal.getCurrency()));
  }
}
