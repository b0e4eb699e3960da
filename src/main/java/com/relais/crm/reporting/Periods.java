package com.relais.crm.reporting;

import com.relais.crm.platform.InvalidFieldException;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;

/** Months as the API writes them, {@code YYYY-MM}, between 2000 and 2199; anything else is a 400 naming the field. */
final class Periods {
  private Periods() {}

  static YearMonth month(String field, String text) {
    if (text == null || !text.matches("\\d{4}-\\d{2}")) {
      throw new InvalidFieldException(field, field + ": a month written YYYY-MM, such as 2026-11");
    }
    try {
      YearMonth month = YearMonth.parse(text);
      if (month.getYear() < 2000 || month.getYear() > 2199) {
        throw new InvalidFieldException(field, field + ": a month between 2000-01 and 2199-12");
      }
      return month;
    } catch (DateTimeParseException e) {
      throw new InvalidFieldException(field, field + ": " + text + " is not a month (YYYY-MM, month 01 to 12)");
    }
  }
}
