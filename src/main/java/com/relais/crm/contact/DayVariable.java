package com.relais.crm.contact;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Date;
import org.camunda.bpm.engine.BadUserRequestException;

/**
 * Reads a day from a task's variable as Tasklist's date field sends it ("2026-12-03"), or as a date-time from
 * /engine-rest (its day in the company's zone). Anything else is refused as bad input.
 */
final class DayVariable {
  private DayVariable() {}

  static LocalDate read(String name, Object value, java.time.ZoneId zone) {
    if (value == null || (value instanceof String text && text.isBlank())) {
      return null;
    }
    if (value instanceof Date date) {
      return date.toInstant().atZone(zone).toLocalDate();
    }
    String text = value.toString().strip();
    try {
      return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
    } catch (DateTimeParseException notADay) {
      throw new BadUserRequestException("Variable '" + name + "' must be a day (yyyy-MM-dd), not '" + text + "'");
    }
  }
}
