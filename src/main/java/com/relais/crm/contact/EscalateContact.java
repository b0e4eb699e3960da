package com.relais.crm.contact;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The day's deadline passed with the contact open (see {@link ContactResults#escalate}). */
@Component("escalateContact")
class EscalateContact implements JavaDelegate {
  private final ContactResults results;

  EscalateContact(ContactResults results) {
    this.results = results;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Object manager = execution.getVariable(ContactPlanBpmn.TEAM_MANAGER);
    results.escalate(((Number) execution.getVariable(ContactPlanBpmn.ENTRY_ID)).longValue(),
        manager == null ? null : manager.toString());
  }
}
