package com.relais.crm.reporting;

import com.relais.crm.identity.CurrentUser;
import com.relais.crm.platform.NotFoundException;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The monthly reports: built by the process, asked for by managers, listed and downloaded. */
@Service
class MonthlyReports {
  static final String REQUESTED = "REQUESTED";
  static final String REBUILDING = "REBUILDING";

  private final MonthlyFigures figures;
  private final MonthlyReportPdf pdf;
  private final MonthlyReportStore store;
  private final MonthlyReportProcess process;
  private final ReportMonths months;
  private final CurrentUser currentUser;

  MonthlyReports(MonthlyFigures figures, MonthlyReportPdf pdf, MonthlyReportStore store, MonthlyReportProcess process,
      ReportMonths months, CurrentUser currentUser) {
    this.figures = figures;
    this.pdf = pdf;
    this.store = store;
    this.process = process;
    this.months = months;
    this.currentUser = currentUser;
  }

  /** The answer to a request: the month, and whether it is built for the first time or again. */
  record Requested(String month, String status) {}

  /** The process's build step: the month's figures and their PDF, stored in place of any earlier report. */
  @Transactional
  void build(YearMonth month, String builtBy) {
    MonthlyFigures.Figures counted = figures.of(month);
    Instant now = ClockUtil.getCurrentTime().toInstant();
    store.save(month, pdf.render(counted, now, builtBy), now, builtBy, counted);
  }

  /** A manager's request for a month that has ended: its process starts in this transaction; the build follows. */
  @Transactional
  Requested request(String month) {
    YearMonth ended = months.ended(month);
    boolean built = store.exists(ended);
    process.request(ended, currentUser.id());
    return new Requested(ended.toString(), built ? REBUILDING : REQUESTED);
  }

  @Transactional(readOnly = true)
  List<MonthlyReportStore.Built> list() {
    return store.list();
  }

  /**
   * The figures the month's PDF was drawn from, as stored with it; 404 while it is not built, 400 for a month that
   * is not one.
   */
  @Transactional(readOnly = true)
  MonthlyFigures.Figures figures(String month) {
    YearMonth asked = months.parse(month);
    return store.figures(asked).orElseThrow(() -> new NotFoundException("Monthly report", asked));
  }

  /** The month's PDF; 404 while it is not built, 400 for a month that is not one. */
  @Transactional(readOnly = true)
  byte[] pdf(String month) {
    YearMonth asked = months.parse(month);
    return store.pdf(asked).orElseThrow(() -> new NotFoundException("Monthly report", asked));
  }
}
