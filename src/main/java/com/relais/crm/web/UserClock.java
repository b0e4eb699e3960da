package com.relais.crm.web;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Dates as the person reading them lives them: in the time zone their browser reports (the {@value #COOKIE} cookie
 * app.js sets from {@code Intl}), in their language's format. A travelling engineer in Montréal sees a call logged
 * at 9:00 in Paris as 3:00. Used by the templates as {@code @when}.
 */
@Component("when")
class UserClock {
  static final String COOKIE = "tz";
  static final ZoneId COMPANY_ZONE = ZoneId.of("Europe/Paris");

  /** The reader's zone: the browser's, or the company's until the browser said (first page, scripts off). */
  ZoneId zone() {
    if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
      HttpServletRequest request = attributes.getRequest();
      if (request.getCookies() != null) {
        for (Cookie cookie : request.getCookies()) {
          if (COOKIE.equals(cookie.getName())) {
            try {
              return ZoneId.of(java.net.URLDecoder.decode(cookie.getValue(), java.nio.charset.StandardCharsets.UTF_8));
            } catch (DateTimeException | IllegalArgumentException unknownZone) {
              return COMPANY_ZONE;
            }
          }
        }
      }
    }
    return COMPANY_ZONE;
  }

  public String at(Instant instant) {
    if (instant == null) {
      return "";
    }
    return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
        .withLocale(LocaleContextHolder.getLocale()).format(instant.atZone(zone()));
  }

  public String day(LocalDate day) {
    if (day == null) {
      return "";
    }
    return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(LocaleContextHolder.getLocale())
        .format(day);
  }

  /** For a datetime-local field: the instant in the reader's zone, to the minute. */
  public String field(Instant instant) {
    return instant.atZone(zone()).toLocalDateTime().withSecond(0).withNano(0).toString();
  }

  /** The machine-readable form for {@code <time datetime>}. */
  public String iso(Instant instant) {
    return instant == null ? "" : instant.toString();
  }

  Instant fromField(String local) {
    return java.time.LocalDateTime.parse(local).atZone(zone()).toInstant();
  }
}
