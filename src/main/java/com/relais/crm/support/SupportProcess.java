package com.relais.crm.support;

import com.relais.crm.deal.DealKey;
import com.relais.crm.deal.FollowingStep;
import com.relais.crm.deal.DealVariables;
import com.relais.crm.delivery.DeliveryRejected;
import com.relais.crm.opportunity.OpportunityService;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** The one class that starts the support process (docs/architecture.md, rules), by its message start event. */
@Component
public class SupportProcess {
  private final RuntimeService runtimeService;
  private final OpportunityService opportunities;

  SupportProcess(RuntimeService runtimeService, OpportunityService opportunities) {
    this.runtimeService = runtimeService;
    this.opportunities = opportunities;
  }

  /** Synchronous on purpose: the case starts in the engine transaction of the refusal (see DeliveryRejected). */
  @EventListener
  void onDeliveryRejected(DeliveryRejected rejected) {
    FollowingStep.run(() -> request(rejected.opportunityId(), rejected.deliveryProcessInstanceId(), rejected.reason()));
  }

  /** Starts one support case per rejected delivery: a retried step does not open a second one. */
  void request(long opportunityId, String deliveryProcessInstanceId, String reason) {
    boolean alreadyOpen = runtimeService.createProcessInstanceQuery()
        .processDefinitionKey(SupportBpmn.PROCESS_KEY)
        .variableValueEquals(SupportBpmn.DELIVERY_PROCESS_INSTANCE_ID, deliveryProcessInstanceId)
        .count() > 0;
    if (alreadyOpen) {
      return;
    }
    Map<String, Object> variables = opportunities.processVariables(opportunityId);
    variables.put(SupportBpmn.DELIVERY_PROCESS_INSTANCE_ID, deliveryProcessInstanceId);
    variables.put(SupportBpmn.REASON, reason);
    runtimeService.createMessageCorrelation(SupportBpmn.MESSAGE_SUPPORT_REQUESTED)
        .processInstanceBusinessKey(DealKey.of(opportunityId))
        .setVariables(variables)
        .correlateStartMessage();
  }
}
