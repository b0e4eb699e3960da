package com.relais.crm.contact;

import com.relais.crm.engine.DecisionTables;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.springframework.stereotype.Component;

/**
 * Asks processes/contact-selection.dmn whether a customer is on a day's list, how urgently and why. The latest
 * deployed table is read once per plan and evaluated for every customer without a decision-history row each
 * ({@link DecisionTables}): a morning weighs every customer, and the plan itself records who was picked and why.
 */
@Component
class ContactSelection {
  private final DecisionTables tables;

  ContactSelection(DecisionTables tables) {
    this.tables = tables;
  }

  /** The table's answer for one customer: higher priority first; the reason is read by the staff member. */
  record Pick(int priority, String reason) {}

  /** The table as deployed now. */
  Evaluator latestTable() {
    DmnDecision table = tables.latest(ContactPlanBpmn.SELECTION_DECISION);
    return new Evaluator(facts -> tables.evaluate(table, facts));
  }

  /** One table's answers for customer after customer. */
  static final class Evaluator {
    private final Function<Map<String, Object>, DmnDecisionTableResult> table;

    Evaluator(Function<Map<String, Object>, DmnDecisionTableResult> table) {
      this.table = table;
    }

    Optional<Pick> pick(CustomerFacts facts) {
      var first = table.apply(facts.asVariables()).getFirstResult();
      if (first == null || first.getEntry("priority") == null) {
        return Optional.empty();
      }
      Object reason = first.getEntry("reason");
      return Optional.of(new Pick(((Number) first.getEntry("priority")).intValue(),
          reason == null ? "" : reason.toString()));
    }
  }
}
