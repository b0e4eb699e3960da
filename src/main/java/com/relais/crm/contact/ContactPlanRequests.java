package com.relais.crm.contact;

import com.relais.crm.identity.CurrentUser;
import com.relais.crm.platform.InvalidFieldException;
import com.relais.crm.platform.NotFoundException;
import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A day's plan asked for by a manager, and a plan as each person may read it. */
@Service
class ContactPlanRequests {
  /** How far ahead a manager may plan a day: the facts of a later day are not known yet. */
  static final int DAYS_AHEAD = 30;

  private final ContactPlans plans;
  private final ContactPlanProcess process;
  private final WorkingDays days;
  private final StaffScope scope;
  private final CurrentUser currentUser;

  ContactPlanRequests(ContactPlans plans, ContactPlanProcess process, WorkingDays days, StaffScope scope,
      CurrentUser currentUser) {
    this.plans = plans;
    this.process = process;
    this.days = days;
    this.scope = scope;
    this.currentUser = currentUser;
  }

  /** A plan with the entries the caller may read. */
  record PlanView(LocalDate date, String status, String requestedBy, Integer contactCount, Integer leftOver,
      List<ContactEntry> entries) {}

  /** Claims the day (409 if it has a plan) and starts its process in the same transaction. */
  @Transactional
  PlanView request(LocalDate date) {
    LocalDate today = days.today();
    LocalDate day = date == null ? today : com.relais.crm.platform.SaneDates.require("date", date);
    if (day.isBefore(today) || day.isAfter(today.plusDays(DAYS_AHEAD))) {
      throw new InvalidFieldException("date", "date: from today to " + DAYS_AHEAD + " days ahead");
    }
    if (day.equals(today) && days.deadlinePassed(today)) {
      throw new InvalidFieldException("date", "date: today's deadline has passed; plan the next working day");
    }
    plans.claim(day, currentUser.id(), ClockUtil.getCurrentTime().toInstant());
    process.request(day);
    return read(day);
  }

  @Transactional(readOnly = true)
  PlanView read(LocalDate day) {
    com.relais.crm.platform.SaneDates.require("date", day);
    ContactPlans.Plan plan = plans.plan(day).orElseThrow(() -> new NotFoundException("Contact plan", day));
    return new PlanView(plan.date(), plan.status(), plan.requestedBy(), plan.contactCount(), plan.leftOver(),
        plans.entries(day, scope.visibleUsers()));
  }
}
