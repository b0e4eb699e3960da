package com.relais.crm.opportunity;

import com.relais.crm.deal.DealKey;
import com.relais.crm.deal.StageProperty;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/** Start listener on every sale element with a {@code stage} property: moves the deal's CRM stage. */
@Component("saleStageListener")
class SaleStageListener implements ExecutionListener {
  private final OpportunityService opportunities;

  SaleStageListener(OpportunityService opportunities) {
    this.opportunities = opportunities;
  }

  @Override
  public void notify(DelegateExecution execution) {
    SaleStage stage = SaleStage.valueOf(StageProperty.of(execution));
    opportunities.enterStage(DealKey.opportunityId(execution), stage);
  }
}
