package com.relais.crm.contact;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * The company's calendar: which days have a plan, what "today" is in the company's zone, and when a day's contacts
 * fall due. "Now" is the engine's clock, so that a process test that moves it moves the calendar too.
 */
@Component
class WorkingDays {
  private final ContactPlanProperties properties;

  WorkingDays(ContactPlanProperties properties) {
    this.properties = properties;
  }

  boolean isWorkingDay(LocalDate day) {
    return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY
        && !properties.holidays().contains(day);
  }

  /** The first working day after {@code day}. */
  LocalDate after(LocalDate day) {
    LocalDate next = day.plusDays(1);
    while (!isWorkingDay(next)) {
      next = next.plusDays(1);
    }
    return next;
  }

  LocalDate today() {
    return ClockUtil.getCurrentTime().toInstant().atZone(properties.zone()).toLocalDate();
  }

  /** The moment the day's contacts fall due and open ones go to the manager. */
  Date deadlineOf(LocalDate day) {
    return Date.from(day.atTime(properties.deadline()).atZone(properties.zone()).toInstant());
  }

  boolean deadlinePassed(LocalDate day) {
    return !ClockUtil.getCurrentTime().before(deadlineOf(day));
  }
}
