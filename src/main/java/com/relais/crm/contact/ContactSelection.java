package com.relais.crm.contact;

import java.util.Optional;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * Asks processes/contact-selection.dmn whether a customer is on a day's list, how urgently and why. The latest
 * deployed table is read once per plan and evaluated by the engine's DMN engine for every customer, without a
 * decision-history row each: a morning weighs every customer, and the plan itself records who was picked and why.
 */
@Component
class ContactSelection {

  /** The table's answer for one customer: higher priority first; the reason is read by the staff member. */
  record Pick(int priority, String reason) {}

  /** The table as deployed now, bound to the DMN engine; call from inside an engine command (a job, a task). */
  Evaluator latestTable() {
    ProcessEngineConfigurationImpl configuration = Context.getProcessEngineConfiguration();
    DmnDecision table = (DmnDecision) configuration.getDeploymentCache()
        .findDeployedLatestDecisionDefinitionByKey(ContactPlanBpmn.SELECTION_DECISION);
    return new Evaluator(configuration.getDmnEngine(), table);
  }

  static final class Evaluator {
    private final DmnEngine dmn;
    private final DmnDecision table;

    Evaluator(DmnEngine dmn, DmnDecision table) {
      this.dmn = dmn;
      this.table = table;
    }

    Optional<Pick> pick(CustomerFacts facts) {
      var first = dmn.evaluateDecisionTable(table, Variables.fromMap(facts.asVariables()))
          .getFirstResult();
      if (first == null || first.getEntry("priority") == null) {
        return Optional.empty();
      }
      Object reason = first.getEntry("reason");
      return Optional.of(new Pick(((Number) first.getEntry("priority")).intValue(),
          reason == null ? "" : reason.toString()));
    }
  }
}
