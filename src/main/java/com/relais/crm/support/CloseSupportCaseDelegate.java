package com.relais.crm.support;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The customer confirmed the resolution: the case is resolved for good. */
@Component("closeSupportCase")
class CloseSupportCaseDelegate implements JavaDelegate {
  private final SupportCaseService cases;

  CloseSupportCaseDelegate(SupportCaseService cases) {
    this.cases = cases;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long id = ((Number) execution.getVariable(SupportBpmn.SUPPORT_CASE_ID)).longValue();
    cases.update(id, supportCase -> {
      if (supportCase.getStatus() != SupportCaseStatus.RESOLVED) {
        supportCase.customerAnswered(true, cases.clock().instant());
      }
    });
  }
}
