package com.relais.crm.platform;

import java.time.LocalDate;

/**
 * Days a person means: from 1900 to 2199. A day far outside is a typo or an attack, and PostgreSQL refuses years it
 * cannot store with an error that would be a 500; refused first, as a 400 naming the field.
 */
public final class SaneDates {
  private SaneDates() {}

  public static LocalDate require(String field, LocalDate day) {
    if (day != null && (day.getYear() < 1900 || day.getYear() > 2199)) {
      throw new InvalidFieldException(field, field + " must lie between 1900 and 2199");
    }
    return day;
  }
}
