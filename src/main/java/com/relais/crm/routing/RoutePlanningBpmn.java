package com.relais.crm.routing;

/** Names shared between processes/route-planning.bpmn and the Java side. */
final class RoutePlanningBpmn {
  static final String PROCESS_KEY = "route-planning";
  static final String MESSAGE_PLAN_REQUESTED = "RoutePlanRequested";

  /** The day planned, {@code YYYY-MM-DD}; also the instance's business key. */
  static final String DATE = "date";
  /** Who asked for the plan ({@code system} for the working-day timer). */
  static final String REQUESTED_BY = "requestedBy";
  /** False when the day already had a plan (a timer on a day someone planned by hand): the instance ends. */
  static final String PLANNED = "planned";
  /** The rounds in plain text, for the dispatcher's approval form. */
  static final String ROUNDS_SUMMARY = "roundsSummary";
  /** The couriers with a round (the multi-instance collection of "Drive the round"), and each one's element. */
  static final String COURIERS = "couriers";
  /** The dispatcher's decision (the approval form's checkbox). */
  static final String APPROVED = "approved";

  private RoutePlanningBpmn() {}
}
