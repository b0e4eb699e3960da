package com.relais.crm.opportunity;

import com.relais.crm.engine.DealVariables;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** The one class that starts and signals the sale process (DESIGN rule 4). */
@Component
class SaleProcess {
  private final RuntimeService runtimeService;
  private final OpportunityRepository opportunities;

  SaleProcess(RuntimeService runtimeService, OpportunityRepository opportunities) {
    this.runtimeService = runtimeService;
    this.opportunities = opportunities;
  }

  /** Synchronous, inside the creating transaction: a deal without its sale cannot be committed. */
  @EventListener
  void start(OpportunityCreated created) {
    Opportunity deal = opportunities.findById(created.opportunityId()).orElseThrow();
    runtimeService.startProcessInstanceByKey(SaleBpmn.PROCESS_KEY,
        DealVariables.businessKey(deal.getId()),
        DealVariables.of(deal.getId(), created.customerName(), deal.getTitle(), deal.getAmount(), deal.getCurrency()));
  }
}
