package com.relais.crm.reporting;

import java.time.YearMonth;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

/** The one class of the monthly report that talks to the engine's runtime: it starts a requested month's report. */
@Component
class MonthlyReportProcess {
  private final RuntimeService runtimeService;

  MonthlyReportProcess(RuntimeService runtimeService) {
    this.runtimeService = runtimeService;
  }

  void request(YearMonth month, String requestedBy) {
    runtimeService.createMessageCorrelation(MonthlyReportBpmn.MESSAGE_REPORT_REQUESTED)
        .processInstanceBusinessKey(month.toString())
        .setVariable(MonthlyReportBpmn.MONTH, month.toString())
        .setVariable(MonthlyReportBpmn.REQUESTED_BY, requestedBy)
        .correlateStartMessage();
  }
}
