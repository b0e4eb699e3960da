package com.relais.crm.support;

import com.relais.crm.customer.CustomerService;
import com.relais.crm.engine.DealVariables;
import com.relais.crm.opportunity.Opportunity;
import com.relais.crm.opportunity.OpportunityService;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

/** The one class that starts the support process (DESIGN rule 4), by its message start event. */
@Component
public class SupportProcess {
  private final RuntimeService runtimeService;
  private final OpportunityService opportunities;
  private final CustomerService customers;

  SupportProcess(RuntimeService runtimeService, OpportunityService opportunities, CustomerService customers) {
    this.runtimeService = runtimeService;
    this.opportunities = opportunities;
    this.customers = customers;
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
    Opportunity deal = opportunities.get(opportunityId);
    Map<String, Object> variables = DealVariables.of(deal.getId(), customers.get(deal.getCustomerId()).getName(),
        deal.getTitle(), deal.getAmount(), deal.getCurrency());
    variables.put(SupportBpmn.DELIVERY_PROCESS_INSTANCE_ID, deliveryProcessInstanceId);
    variables.put(SupportBpmn.REASON, reason);
    runtimeService.createMessageCorrelation(SupportBpmn.MESSAGE_SUPPORT_REQUESTED)
        .processInstanceBusinessKey(DealVariables.businessKey(opportunityId))
        .setVariables(variables)
        .correlateStartMessage();
  }
}
