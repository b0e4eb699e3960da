package com.relais.crm.contact;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The member recorded a result: it goes into the customer's history (see {@link ContactResults#record}). */
@Component("recordContact")
class RecordContact implements JavaDelegate {
  private final ContactResults results;
  private final ContactOutcomeCheck check;

  RecordContact(ContactResults results, ContactOutcomeCheck check) {
    this.results = results;
    this.check = check;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long entryId = ((Number) execution.getVariable(ContactPlanBpmn.ENTRY_ID)).longValue();
    results.record(entryId, check.read(execution));
  }
}
