package com.relais.crm.contact;

import com.relais.crm.communication.ContactHistory;
import java.time.LocalDate;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Completion of a contact: an outcome is given (its values are held by the decision guard), a call-back says when,
 * within a year, and the channel is a contact type of the catalogue. Refused as bad input (400); the task stays
 * open and nothing of the completion is kept.
 */
@Component("contactOutcomeCheck")
class ContactOutcomeCheck implements TaskListener {
  private final ContactHistory history;
  private final WorkingDays days;
  private final ContactPlanProperties properties;

  ContactOutcomeCheck(ContactHistory history, WorkingDays days, ContactPlanProperties properties) {
    this.history = history;
    this.days = days;
    this.properties = properties;
  }

  @Override
  public void notify(DelegateTask task) {
    ContactResults.Result result = read(task);
    if (result.outcome() == ContactPlanBpmn.Outcome.CALL_BACK) {
      LocalDate on = result.callBackOn();
      if (on == null || on.isBefore(days.today()) || on.isAfter(days.today().plusYears(1))) {
        throw new BadUserRequestException("Variable 'callBackOn' must give the day to call back, from today to a"
            + " year ahead");
      }
    }
    if (!ContactHistory.CONTACT_TYPES.contains(result.channel()) || !history.isSelectableType(result.channel())) {
      throw new BadUserRequestException("Variable 'contactChannel' must be one of " + ContactHistory.CONTACT_TYPES
          + ", not '" + result.channel() + "'");
    }
  }

  /** The result the task's variables give; shared with {@link RecordContact}. */
  ContactResults.Result read(org.camunda.bpm.engine.delegate.VariableScope scope) {
    Object outcome = scope.getVariable(ContactPlanBpmn.CONTACT_OUTCOME);
    if (outcome == null) {
      throw new BadUserRequestException("Variable 'contactOutcome' must say what came of the contact");
    }
    ContactPlanBpmn.Outcome parsed;
    try {
      parsed = ContactPlanBpmn.Outcome.valueOf(outcome.toString());
    } catch (IllegalArgumentException unknown) {
      throw new BadUserRequestException("Variable 'contactOutcome' is not an outcome: '" + outcome + "'");
    }
    Object channel = scope.getVariable(ContactPlanBpmn.CONTACT_CHANNEL);
    Object note = scope.getVariable(ContactPlanBpmn.CONTACT_NOTE);
    return new ContactResults.Result(parsed,
        channel == null || channel.toString().isBlank() ? ContactPlanBpmn.DEFAULT_CHANNEL : channel.toString(),
        note == null ? null : note.toString(),
        DayVariable.read(ContactPlanBpmn.CALL_BACK_ON, scope.getVariable(ContactPlanBpmn.CALL_BACK_ON),
            properties.zone()));
  }
}
