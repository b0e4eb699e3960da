package com.relais.crm.reporting;

import com.relais.crm.identity.CurrentUser;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The 1st-of-the-month timer's first step: the month reported on is the one just ended in the company's zone, and
 * it becomes the instance's business key as a requested month's is.
 */
@Component("monthJustEnded")
class MonthJustEnded implements JavaDelegate {
  private final ReportMonths months;

  MonthJustEnded(ReportMonths months) {
    this.months = months;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String month = months.justEnded().toString();
    execution.setVariable(MonthlyReportBpmn.MONTH, month);
    execution.setVariable(MonthlyReportBpmn.REQUESTED_BY, CurrentUser.SYSTEM);
    execution.setProcessBusinessKey(month);
  }
}
