package com.relais.crm.support;

import com.relais.crm.engine.DealVariables;
import com.relais.crm.opportunity.OpportunityService;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

/** The one class that starts the support process (DESIGN rule 4), by its message start event. */
@Component
public class SupportProcess {
  private final RuntimeService runtimeService;
  private final OpportunityService opportunities;

  SupportProcess(RuntimeService runtimeService, OpportunityService opportunities) {
    this.runtimeService = runtimeService;
    this.opportunities = opportunities;
  }

  /** Starts one support case per rejected delivery: a retried step does not open a second one. */
  public void request(long opportunityId, String deliveryProcessInstanceId, String reason) {
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
        .processInstanceBusinessKey(DealVariables.businessKey(opportunityId))
        .setVariables(variables)
        .correlateStartMessage();
  }
}
