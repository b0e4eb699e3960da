package com.relais.crm.contact;

import com.relais.crm.deal.FollowingStep;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The manager decided on a missed contact (see {@link ContactResults#decide}). Runs in the manager's completion: a
 * decision refused here (no reason, an unknown user, a day in the past) is a 400 and the manager's task stays open.
 */
@Component("applyMissedDecision")
class ApplyMissedDecision implements JavaDelegate {
  private final ContactResults results;
  private final ContactPlanProperties properties;

  ApplyMissedDecision(ContactResults results, ContactPlanProperties properties) {
    this.results = results;
    this.properties = properties;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Object decision = execution.getVariable(ContactPlanBpmn.MISSED_DECISION);
    if (decision == null) {
      throw new BadUserRequestException("Variable 'missedDecision' must be REASSIGN, RESCHEDULE or DROP");
    }
    Object reassignTo = execution.getVariable(ContactPlanBpmn.REASSIGN_TO);
    Object reason = execution.getVariable(ContactPlanBpmn.DECISION_REASON);
    long entryId = ((Number) execution.getVariable(ContactPlanBpmn.ENTRY_ID)).longValue();
    // the user directory is read for the manager's choice, which their own engine rights may not cover
    FollowingStep.run(() -> results.decide(entryId, ContactPlanBpmn.MissedDecision.valueOf(decision.toString()),
        reassignTo == null ? null : reassignTo.toString(),
        DayVariable.read(ContactPlanBpmn.RESCHEDULE_ON, execution.getVariable(ContactPlanBpmn.RESCHEDULE_ON),
            properties.zone()),
        reason == null ? null : reason.toString()));
  }
}
