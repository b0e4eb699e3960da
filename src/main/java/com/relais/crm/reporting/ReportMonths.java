package com.relais.crm.reporting;

import com.relais.crm.platform.InvalidFieldException;
import com.relais.crm.platform.SaneDates;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * The company's months: which one is current in the company's zone, where one starts and ends, and what a month a
 * user names must look like. "Now" is the engine's clock, so that a process test that moves it moves the month too.
 */
@Component
class ReportMonths {
  static final String FIELD = "month";
  private static final Pattern FORMAT = Pattern.compile("\\d{4}-\\d{2}");

  private final MonthlyReportProperties properties;

  ReportMonths(MonthlyReportProperties properties) {
    this.properties = properties;
  }

  YearMonth current() {
    return YearMonth.from(ClockUtil.getCurrentTime().toInstant().atZone(properties.zone()));
  }

  YearMonth justEnded() {
    return current().minusMonths(1);
  }

  /** The month's first moment in the company's zone. */
  Instant start(YearMonth month) {
    return month.atDay(1).atStartOfDay(properties.zone()).toInstant();
  }

  /** The next month's first moment: a month is [start, end). */
  Instant end(YearMonth month) {
    return start(month.plusMonths(1));
  }

  /** A month as a user writes it, {@code YYYY-MM}; anything else is a 400 naming {@code month}. */
  YearMonth parse(String text) {
    return parse(FIELD, text);
  }

  /** The same for a month given in another field (an objective's period, a forecast's from and to). */
  YearMonth parse(String field, String text) {
    if (text == null || !FORMAT.matcher(text).matches()) {
      throw new InvalidFieldException(field, field + ": a month written YYYY-MM, such as 2026-05");
    }
    YearMonth month;
    try {
      month = YearMonth.parse(text);
    } catch (DateTimeParseException e) {
      throw new InvalidFieldException(field, field + ": a month written YYYY-MM, from 01 to 12");
    }
    SaneDates.require(field, month.atDay(1));
    return month;
  }

  ZoneId zone() {
    return properties.zone();
  }

  /** Today in the company's zone, by the engine's clock. */
  LocalDate today() {
    return LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), properties.zone());
  }

  /** A month that has ended: the current month and later ones have no report yet (400). */
  YearMonth ended(String text) {
    YearMonth month = parse(text);
    YearMonth current = current();
    if (!month.isBefore(current)) {
      throw new InvalidFieldException(FIELD, "month: a month that has ended, " + current.minusMonths(1)
          + " or before");
    }
    return month;
  }
}
