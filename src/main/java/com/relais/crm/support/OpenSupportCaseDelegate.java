package com.relais.crm.support;

import com.relais.crm.deal.DealKey;
import com.relais.crm.deal.StageProperty;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Opens the support case record and links it from the rejected delivery. */
@Component("openSupportCase")
class OpenSupportCaseDelegate implements JavaDelegate {
  private final SupportCaseService cases;

  OpenSupportCaseDelegate(SupportCaseService cases) {
    this.cases = cases;
  }

  @Override
  public void execute(DelegateExecution execution) {
    SupportCase supportCase = cases.open(DealKey.opportunityId(execution),
        (String) execution.getVariable(SupportBpmn.DELIVERY_PROCESS_INSTANCE_ID),
        (String) execution.getVariable(SupportBpmn.REASON));
    execution.setVariable(SupportBpmn.SUPPORT_CASE_ID, supportCase.getId());
  }
}
