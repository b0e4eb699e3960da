package com.relais.crm.routing;

import java.time.LocalDate;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

/** The one class of the routing module that talks to the engine's runtime: it starts a requested day's planning. */
@Component
class RoutePlanningProcess {
  private final RuntimeService runtimeService;

  RoutePlanningProcess(RuntimeService runtimeService) {
    this.runtimeService = runtimeService;
  }

  void request(LocalDate date, String requestedBy) {
    runtimeService.createMessageCorrelation(RoutePlanningBpmn.MESSAGE_PLAN_REQUESTED)
        .processInstanceBusinessKey(date.toString())
        .setVariable(RoutePlanningBpmn.DATE, date.toString())
        .setVariable(RoutePlanningBpmn.REQUESTED_BY, requestedBy)
        .correlateStartMessage();
  }
}
