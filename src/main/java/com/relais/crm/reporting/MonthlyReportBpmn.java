package com.relais.crm.reporting;

/** Names shared between processes/monthly-report.bpmn and the Java side. */
final class MonthlyReportBpmn {
  static final String PROCESS_KEY = "monthly-report";
  static final String MESSAGE_REPORT_REQUESTED = "MonthlyReportRequested";

  /** The month reported on, {@code YYYY-MM}; also the instance's business key. */
  static final String MONTH = "month";
  /** Who asked for the report ({@code system} for the 1st-of-the-month timer). */
  static final String REQUESTED_BY = "requestedBy";
  /** How many managers the report was mailed to. */
  static final String MANAGERS_MAILED = "managersMailed";

  private MonthlyReportBpmn() {}
}
