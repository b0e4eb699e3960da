package com.relais.crm.reporting;

import java.time.YearMonth;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Queues the report's mail for every manager; retried alone if it fails, the build is not repeated. */
@Component("mailMonthlyReport")
class MailMonthlyReport implements JavaDelegate {
  private final MonthlyReportMailing mailing;

  MailMonthlyReport(MonthlyReportMailing mailing) {
    this.mailing = mailing;
  }

  @Override
  public void execute(DelegateExecution execution) {
    YearMonth month = YearMonth.parse((String) execution.getVariable(MonthlyReportBpmn.MONTH));
    execution.setVariable(MonthlyReportBpmn.MANAGERS_MAILED, mailing.mail(month));
  }
}
