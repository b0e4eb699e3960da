/**
 * The manager's desk: objectives per person and month, the forecast (open pipeline weighted by
 * processes/stage-probability.dmn, against what was won and the objectives, with weekly snapshots), the dashboard
 * (pipeline by stage, deals at risk from the engine's activity history, overdue tasks per team, win rate, time per
 * stage) and the monthly report (with the approved courier rounds' profitability, through routing's RoundFigures).
 * It reads the deals, teams, tasks and rounds; nobody imports it.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"platform", "identity", "customer",
    "communication", "opportunity", "delivery", "support", "contact", "campaign", "messaging", "document",
    "attachment", "deal", "routing", "engine"})
package com.relais.crm.reporting;
