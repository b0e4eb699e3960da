package com.relais.crm.aftersale;

import java.time.Duration;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAmount;
import java.util.Date;
import java.util.Optional;

/** ISO-8601 offsets of template tasks: a period (P3D, P1M) or a duration (PT4H). */
final class Offsets {
  private Offsets() {}

  static Optional<TemporalAmount> parse(String text) {
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Period.parse(text));
    } catch (DateTimeParseException notAPeriod) {
      try {
        Duration duration = Duration.parse(text);
        return duration.isNegative() ? Optional.empty() : Optional.of(duration);
      } catch (DateTimeParseException notADuration) {
        return Optional.empty();
      }
    }
  }

  static boolean isValid(String text) {
    return parse(text).filter(a -> !(a instanceof Period p) || !p.isNegative()).isPresent();
  }

  /** {@code start} plus the offset, counted in UTC calendar days; null for no offset. */
  static Date after(Date start, String offset) {
    return parse(offset)
        .map(amount -> Date.from(ZonedDateTime.ofInstant(start.toInstant(), ZoneOffset.UTC).plus(amount).toInstant()))
        .orElse(null);
  }
}
