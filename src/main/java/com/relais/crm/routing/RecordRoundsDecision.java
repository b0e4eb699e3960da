package com.relais.crm.routing;

import com.relais.crm.identity.CurrentUser;
import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * After "Approve the rounds": records the dispatcher's decision on the plan (APPROVED or REFUSED, by whom, when) and
 * leaves approved as a plain boolean for the gateway (an untouched checkbox counts as not approved).
 */
@Component("recordRoundsDecision")
class RecordRoundsDecision implements JavaDelegate {
  private final RoutePlanner planner;
  private final CurrentUser currentUser;

  RecordRoundsDecision(RoutePlanner planner, CurrentUser currentUser) {
    this.planner = planner;
    this.currentUser = currentUser;
  }

  @Override
  public void execute(DelegateExecution execution) {
    boolean approved = Boolean.TRUE.equals(execution.getVariable(RoutePlanningBpmn.APPROVED));
    planner.decide(LocalDate.parse((String) execution.getVariable(RoutePlanningBpmn.DATE)), approved,
        currentUser.id());
    execution.setVariable(RoutePlanningBpmn.APPROVED, approved);
  }
}
