package com.relais.crm.routing;

import com.relais.crm.identity.CurrentUser;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The working-day timer plans today (the company's zone): sets date and requestedBy, and the business key. */
@Component("takeRouteDay")
class TakeRouteDay implements JavaDelegate {
  private final RoutePlanner planner;

  TakeRouteDay(RoutePlanner planner) {
    this.planner = planner;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String today = planner.today().toString();
    execution.setVariable(RoutePlanningBpmn.DATE, today);
    execution.setVariable(RoutePlanningBpmn.REQUESTED_BY, CurrentUser.SYSTEM);
    execution.setProcessBusinessKey(today);
  }
}
