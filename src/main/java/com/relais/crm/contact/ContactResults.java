package com.relais.crm.contact;

import com.relais.crm.communication.CommunicationDetails;
import com.relais.crm.communication.CommunicationService;
import com.relais.crm.identity.CurrentUser;
import com.relais.crm.identity.StaffDirectory;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * What happens when a contact is recorded, missed, or decided on by the manager. Called by the contact process's
 * delegates, inside the engine step (a failure rolls the step back and the task stays open).
 */
@Service
class ContactResults {
  private final ContactPlans plans;
  private final PlanItems items;
  private final CommunicationService communications;
  private final StaffDirectory staff;
  private final CurrentUser currentUser;
  private final WorkingDays days;
  private final ContactPlanProperties properties;
  private final ApplicationEventPublisher events;

  ContactResults(ContactPlans plans, PlanItems items, CommunicationService communications, StaffDirectory staff,
      CurrentUser currentUser, WorkingDays days, ContactPlanProperties properties, ApplicationEventPublisher events) {
    this.plans = plans;
    this.items = items;
    this.communications = communications;
    this.staff = staff;
    this.currentUser = currentUser;
    this.days = days;
    this.properties = properties;
    this.events = events;
  }

  /** A member's result as the contact form gives it (checked by {@link ContactOutcomeCheck} on completion). */
  record Result(ContactPlanBpmn.Outcome outcome, String channel, String note, LocalDate callBackOn) {}

  /**
   * Logs the contact as a done exchange in the customer's history (author: who recorded it), closes the plan item it
   * fulfils when the customer was reached, puts a promised call-back on its day's list, and takes back the
   * carry-over of a contact recorded after its deadline.
   */
  void record(long entryId, Result result) {
    ContactEntry entry = plans.entry(entryId);
    Instant now = ClockUtil.getCurrentTime().toInstant();
    String subject = ContactPlans.truncate(label(result.outcome()) + " · " + entry.reason(), 300);
    var exchange = PlanItemFulfilment.whileRecordingAContact(() -> communications.create(new CommunicationDetails(
        result.channel(), subject, result.note(), now, null, "DONE", false, List.of(), entry.customerId(),
        List.of())));
    if (result.outcome().reached()) {
      items.fulfil(entry.customerId(), result.channel(), exchange.getId(), now);
    }
    plans.done(entryId, result.outcome().name(), exchange.getId(), now);
    if (result.outcome() == ContactPlanBpmn.Outcome.CALL_BACK) {
      plans.addFollowUp(entry.customerId(), result.callBackOn(), FollowUp.Kind.CALL_BACK, currentUser.id(),
          "Call-back promised on " + entry.planDate() + (result.note() == null || result.note().isBlank() ? ""
              : ": " + result.note().strip()), 0, entryId, currentUser.id(), now);
    }
    plans.pendingCarryOver(entryId).ifPresent(plans::dropFollowUp);
  }

  /** The deadline passed: the entry is escalated, the customer carried over to the next working day, higher. */
  void escalate(long entryId, String managerId) {
    ContactEntry entry = plans.entry(entryId);
    plans.status(entryId, ContactEntry.Status.ESCALATED);
    plans.addFollowUp(entry.customerId(), days.after(entry.planDate()), FollowUp.Kind.CARRIED_OVER, null,
        "Carried over from " + entry.planDate() + ": " + entry.reason(), properties.carryOverBoost(), entryId,
        CurrentUser.SYSTEM, ClockUtil.getCurrentTime().toInstant());
    events.publishEvent(new ContactMissed(entryId, entry.planDate(), entry.customerId(), entry.customerName(),
        entry.assignee(), managerId, entry.reason()));
  }

  /** The manager's decision on a missed contact; the member's task closes with it (the diagram's end). */
  void decide(long entryId, ContactPlanBpmn.MissedDecision decision, String reassignTo, LocalDate rescheduleOn,
      String reason) {
    if (reason == null || reason.isBlank()) {
      throw new BadUserRequestException("Variable 'decisionReason' must say why");
    }
    Long carryOver = plans.pendingCarryOver(entryId).orElse(null);
    switch (decision) {
      case REASSIGN -> {
        if (reassignTo == null || staff.find(reassignTo.strip()).isEmpty()) {
          throw new BadUserRequestException("Variable 'reassignTo' must name a user, not '" + reassignTo + "'");
        }
        if (carryOver != null) {
          plans.changeFollowUp(carryOver, days.after(days.today()), reassignTo.strip());
        }
        plans.status(entryId, ContactEntry.Status.CARRIED_OVER);
      }
      case RESCHEDULE -> {
        if (rescheduleOn == null || !rescheduleOn.isAfter(days.today())) {
          throw new BadUserRequestException("Variable 'rescheduleOn' must be a day after today");
        }
        if (carryOver != null) {
          plans.changeFollowUp(carryOver, rescheduleOn, null);
        }
        plans.status(entryId, ContactEntry.Status.CARRIED_OVER);
      }
      case DROP -> {
        if (carryOver != null) {
          plans.dropFollowUp(carryOver);
        }
      }
    }
  }

  private static String label(ContactPlanBpmn.Outcome outcome) {
    return switch (outcome) {
      case REACHED -> "Reached";
      case NO_ANSWER -> "No answer";
      case CALL_BACK -> "Call back";
      case NOT_INTERESTED -> "Not interested";
      case WRONG_NUMBER -> "Wrong number";
    };
  }
}
