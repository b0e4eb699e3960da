package com.relais.crm.contact;

import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Draws the day's list (an asynchronous step: retried by the job executor if the database fails half-way). */
@Component("buildContactPlan")
class BuildContactPlan implements JavaDelegate {
  private final ContactPlanBuilder builder;

  BuildContactPlan(ContactPlanBuilder builder) {
    this.builder = builder;
  }

  @Override
  public void execute(DelegateExecution execution) {
    LocalDate day = LocalDate.parse((String) execution.getVariable(ContactPlanBpmn.PLAN_DATE));
    execution.setVariable(ContactPlanBpmn.CONTACT_COUNT, builder.build(day));
  }
}
