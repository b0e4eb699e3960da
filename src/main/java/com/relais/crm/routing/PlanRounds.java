package com.relais.crm.routing;

import java.time.LocalDate;
import java.util.ArrayList;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.Variables.SerializationDataFormats;
import org.springframework.stereotype.Component;

/**
 * "Plan the rounds": solves and stores the day's rounds through {@link RoutePlanner}, then hands the diagram
 * planned, roundsSummary (the approval form's text) and couriers (one "Drive the round" task each).
 */
@Component("planRounds")
class PlanRounds implements JavaDelegate {
  private final RoutePlanner planner;

  PlanRounds(RoutePlanner planner) {
    this.planner = planner;
  }

  @Override
  public void execute(DelegateExecution execution) {
    LocalDate day = LocalDate.parse((String) execution.getVariable(RoutePlanningBpmn.DATE));
    Object requestedBy = execution.getVariable(RoutePlanningBpmn.REQUESTED_BY);
    RoutePlanner.Outcome outcome = planner.plan(day, requestedBy == null ? null : requestedBy.toString());
    execution.setVariable(RoutePlanningBpmn.PLANNED, outcome.planned());
    execution.setVariable(RoutePlanningBpmn.ROUNDS_SUMMARY, outcome.summary());
    execution.setVariable(RoutePlanningBpmn.COURIERS, Variables.objectValue(new ArrayList<>(outcome.couriers()))
        .serializationDataFormat(SerializationDataFormats.JSON).create());
  }
}
