package com.relais.crm.contact;

import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Starts the next batch of the day's contacts; the diagram loops back, each pass its own transaction. */
@Component("startContactBatch")
class StartContactBatch implements JavaDelegate {
  private final ContactPlanProcess process;

  StartContactBatch(ContactPlanProcess process) {
    this.process = process;
  }

  @Override
  public void execute(DelegateExecution execution) {
    LocalDate day = LocalDate.parse((String) execution.getVariable(ContactPlanBpmn.PLAN_DATE));
    execution.setVariable(ContactPlanBpmn.ALL_CONTACTS_STARTED, !process.startNextBatch(day));
  }
}
