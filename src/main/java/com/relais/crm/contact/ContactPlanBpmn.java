package com.relais.crm.contact;

import com.relais.crm.engine.DecisionVariables;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/** Names shared between processes/contact-plan.bpmn, processes/customer-contact.bpmn and the Java side. */
final class ContactPlanBpmn {
  static final String PLAN_PROCESS_KEY = "contact-plan";
  static final String CONTACT_PROCESS_KEY = "customer-contact";
  static final String MESSAGE_PLAN_REQUESTED = "ContactPlanRequested";
  static final String SELECTION_DECISION = "contactSelection";

  static final String TASK_CONTACT = "userTask_contactCustomer";
  static final String TASK_MISSED = "userTask_contactMissed";

  // the plan
  static final String PLAN_DATE = "planDate";
  static final String PLAN_TODAY = "planToday";
  static final String CONTACT_COUNT = "contactCount";
  static final String ALL_CONTACTS_STARTED = "allContactsStarted";

  // one contact
  static final String ENTRY_ID = "entryId";
  static final String CUSTOMER_ID = "customerId";
  static final String CUSTOMER_NAME = "customerName";
  static final String CUSTOMER_PHONE = "customerPhone";
  static final String CUSTOMER_EMAIL = "customerEmail";
  static final String CONTACT_REASON = "contactReason";
  static final String RECENT_EXCHANGES = "recentExchanges";
  static final String OPEN_PLAN_ITEMS = "openPlanItems";
  static final String ASSIGNEE = "assignee";
  static final String TEAM_MANAGER = "teamManager";
  static final String CONTACT_DEADLINE = "contactDeadline";
  static final String CONTACT_OUTCOME = "contactOutcome";
  static final String CONTACT_NOTE = "contactNote";
  static final String CALL_BACK_ON = "callBackOn";
  static final String CONTACT_CHANNEL = "contactChannel";

  // the manager's decision on a missed contact
  static final String MISSED_DECISION = "missedDecision";
  static final String REASSIGN_TO = "reassignTo";
  static final String RESCHEDULE_ON = "rescheduleOn";
  static final String DECISION_REASON = "decisionReason";

  static final String DEFAULT_CHANNEL = "CALL";

  private ContactPlanBpmn() {}

  /** What came of a contact. */
  enum Outcome {
    REACHED, NO_ANSWER, CALL_BACK, NOT_INTERESTED, WRONG_NUMBER;

    /** Whether the customer was talked to: only then does the contact fulfil items of their work plan. */
    boolean reached() {
      return this == REACHED || this == CALL_BACK || this == NOT_INTERESTED;
    }
  }

  /** What a manager decides on a missed contact. */
  enum MissedDecision {
    REASSIGN, RESCHEDULE, DROP
  }

  /** The contact's decisions, held to these values at every task completion (the task stays open otherwise). */
  @Component
  static class Decisions implements DecisionVariables {
    @Override
    public Map<String, Set<String>> choices() {
      return Map.of(
          CONTACT_OUTCOME, names(Outcome.values()),
          MISSED_DECISION, names(MissedDecision.values()));
    }

    private static Set<String> names(Enum<?>[] values) {
      return java.util.Arrays.stream(values).map(Enum::name).collect(java.util.stream.Collectors.toSet());
    }
  }
}
