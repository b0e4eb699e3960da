package com.relais.crm.reporting;

import com.relais.crm.identity.CurrentUser;
import java.time.YearMonth;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Builds and stores the month's report (an asynchronous step: retried by the job executor if it fails). */
@Component("buildMonthlyReport")
class BuildMonthlyReport implements JavaDelegate {
  private final MonthlyReports reports;

  BuildMonthlyReport(MonthlyReports reports) {
    this.reports = reports;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Object requestedBy = execution.getVariable(MonthlyReportBpmn.REQUESTED_BY);
    reports.build(YearMonth.parse((String) execution.getVariable(MonthlyReportBpmn.MONTH)),
        requestedBy == null ? CurrentUser.SYSTEM : requestedBy.toString());
  }
}
