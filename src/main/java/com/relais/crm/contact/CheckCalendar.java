package com.relais.crm.contact;

import com.relais.crm.identity.CurrentUser;
import com.relais.crm.platform.ConflictException;
import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * The morning timer's first step: today (in the company's zone) gets a plan if it is a working day and nobody
 * planned it yet (a manager may have asked for it early; two nodes' timers cannot both claim it).
 */
@Component("checkCalendar")
class CheckCalendar implements JavaDelegate {
  private final WorkingDays days;
  private final ContactPlans plans;

  CheckCalendar(WorkingDays days, ContactPlans plans) {
    this.days = days;
    this.plans = plans;
  }

  @Override
  public void execute(DelegateExecution execution) {
    LocalDate today = days.today();
    boolean planToday = days.isWorkingDay(today) && !days.deadlinePassed(today) && claimed(today);
    execution.setVariable(ContactPlanBpmn.PLAN_DATE, today.toString());
    execution.setVariable(ContactPlanBpmn.PLAN_TODAY, planToday);
    if (planToday) {
      execution.setProcessBusinessKey(today.toString());
    }
  }

  private boolean claimed(LocalDate today) {
    try {
      plans.claim(today, CurrentUser.SYSTEM, ClockUtil.getCurrentTime().toInstant());
      return true;
    } catch (ConflictException alreadyPlanned) {
      return false;
    }
  }
}
