package com.relais.crm.contact;

import com.relais.crm.communication.ContactHistory;
import com.relais.crm.customer.ContactCards;
import com.relais.crm.identity.Teams;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

/**
 * The one class that talks to the engine's runtime for the contact plan and its contacts (docs/architecture.md,
 * rules): it starts a requested plan by its message and each contact's process.
 */
@Component
class ContactPlanProcess {
  private final RuntimeService runtimeService;
  private final ContactPlans plans;
  private final ContactCards cards;
  private final ContactHistory history;
  private final PlanItems items;
  private final Teams teams;
  private final WorkingDays days;
  private final ContactPlanProperties properties;

  ContactPlanProcess(RuntimeService runtimeService, ContactPlans plans, ContactCards cards,
      ContactHistory history, PlanItems items, Teams teams, WorkingDays days, ContactPlanProperties properties) {
    this.runtimeService = runtimeService;
    this.plans = plans;
    this.cards = cards;
    this.history = history;
    this.items = items;
    this.teams = teams;
    this.days = days;
    this.properties = properties;
  }

  /** A manager's request: the plan of the day starts now (its building is the process's first job). */
  void request(LocalDate day) {
    runtimeService.createMessageCorrelation(ContactPlanBpmn.MESSAGE_PLAN_REQUESTED)
        .processInstanceBusinessKey(day.toString())
        .setVariable(ContactPlanBpmn.PLAN_DATE, day.toString())
        .correlateStartMessage();
  }

  /**
   * Starts the next batch of the day's contacts, most urgent first, each its own process instance (a contact's
   * completion then touches no shared row: fifty people recording results at once never collide).
   *
   * @return whether contacts are left to start
   */
  boolean startNextBatch(LocalDate day) {
    List<ContactEntry> batch = plans.unstarted(day, properties.startBatchSize());
    for (ContactEntry entry : batch) {
      var instance = runtimeService.startProcessInstanceByKey(ContactPlanBpmn.CONTACT_PROCESS_KEY, day.toString(),
          variablesOf(entry));
      plans.started(entry.id(), instance.getId());
    }
    return plans.anyUnstarted(day);
  }

  private Map<String, Object> variablesOf(ContactEntry entry) {
    ContactCards.Card card = cards.of(entry.customerId()).orElseThrow();
    Map<String, Object> variables = new HashMap<>();
    variables.put(ContactPlanBpmn.ENTRY_ID, entry.id());
    variables.put(ContactPlanBpmn.PLAN_DATE, entry.planDate().toString());
    variables.put(ContactPlanBpmn.CUSTOMER_ID, entry.customerId());
    variables.put(ContactPlanBpmn.CUSTOMER_NAME, card.name());
    variables.put(ContactPlanBpmn.CUSTOMER_PHONE, card.phone());
    variables.put(ContactPlanBpmn.CUSTOMER_EMAIL, card.email());
    variables.put(ContactPlanBpmn.CONTACT_REASON, entry.reason());
    variables.put(ContactPlanBpmn.RECENT_EXCHANGES, lines(history.recent(entry.customerId(), 3), "No exchange yet"));
    variables.put(ContactPlanBpmn.OPEN_PLAN_ITEMS, lines(items.openLines(entry.customerId()), "Nothing planned"));
    variables.put(ContactPlanBpmn.ASSIGNEE, entry.assignee());
    variables.put(ContactPlanBpmn.TEAM_MANAGER, teams.of(entry.assignee()).map(Teams.Team::managerId).orElse(null));
    variables.put(ContactPlanBpmn.CONTACT_DEADLINE, days.deadlineOf(entry.planDate()));
    // declared on the instance, so that each completion writes its own instance's variables
    variables.put(ContactPlanBpmn.CONTACT_OUTCOME, null);
    variables.put(ContactPlanBpmn.CONTACT_NOTE, null);
    variables.put(ContactPlanBpmn.CALL_BACK_ON, null);
    variables.put(ContactPlanBpmn.CONTACT_CHANNEL, ContactPlanBpmn.DEFAULT_CHANNEL);
    return variables;
  }

  private static String lines(List<String> lines, String none) {
    return lines.isEmpty() ? none : String.join("\n", lines);
  }
}
