package com.relais.crm.reporting;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The built reports, one row per month (table monthly_report): the PDF and the figures it shows, as JSON. Callers
 * hold the transaction.
 */
@Repository
class MonthlyReportStore {
  private final JdbcClient jdbc;
  private final ObjectMapper json;

  MonthlyReportStore(JdbcClient jdbc, ObjectMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  /** A built report as the list shows it. */
  record Built(String month, Instant builtAt, String builtBy) {}

  /**
   * Stores the month's report in place of any earlier one. Two builds of one month at once: the second insert
   * breaks the key, and its job is retried, then finds the row and replaces it.
   */
  void save(YearMonth month, byte[] pdf, Instant builtAt, String builtBy, MonthlyFigures.Figures figures) {
    OffsetDateTime at = OffsetDateTime.ofInstant(builtAt, ZoneOffset.UTC);
    String figuresJson = write(figures);
    int replaced = jdbc.sql("update monthly_report set pdf = ?, built_at = ?, built_by = ?, figures_json = ?"
            + " where report_month = ?")
        .params(pdf, at, builtBy, figuresJson, month.toString()).update();
    if (replaced == 0) {
      jdbc.sql("insert into monthly_report (report_month, pdf, built_at, built_by, figures_json) values (?, ?, ?, ?, ?)")
          .params(month.toString(), pdf, at, builtBy, figuresJson).update();
    }
  }

  boolean exists(YearMonth month) {
    return jdbc.sql("select count(*) from monthly_report where report_month = ?").param(month.toString())
        .query(Long.class).single() > 0;
  }

  Optional<byte[]> pdf(YearMonth month) {
    return jdbc.sql("select pdf from monthly_report where report_month = ?").param(month.toString())
        .query((rs, n) -> rs.getBytes(1)).optional();
  }

  Optional<MonthlyFigures.Figures> figures(YearMonth month) {
    return jdbc.sql("select figures_json from monthly_report where report_month = ?").param(month.toString())
        .query(String.class).optional().map(this::read);
  }

  /** Every built month, the latest first. */
  List<Built> list() {
    return jdbc.sql("select report_month, built_at, built_by from monthly_report order by report_month desc")
        .query((rs, n) -> new Built(rs.getString(1), rs.getObject(2, OffsetDateTime.class).toInstant(),
            rs.getString(3)))
        .list();
  }

  private String write(MonthlyFigures.Figures figures) {
    try {
      return json.writeValueAsString(figures);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("The figures of " + figures.month() + " cannot be written", e);
    }
  }

  private MonthlyFigures.Figures read(String text) {
    try {
      return json.readValue(text, MonthlyFigures.Figures.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Stored monthly figures cannot be read", e);
    }
  }
}
