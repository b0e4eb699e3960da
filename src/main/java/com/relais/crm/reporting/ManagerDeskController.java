package com.relais.crm.reporting;

import com.relais.crm.identity.StaffGroups;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@PreAuthorize(StaffGroups.MANAGERS_ONLY)
@Tag(name = "Manager's desk", description = "Objectives, the forecast and the dashboard. Managers (their teams) and"
    + " admins (everyone).")
class ManagerDeskController {
  private final Objectives objectives;
  private final Forecast forecast;
  private final Dashboard dashboard;
  private final ManagedScope scope;
  private final ReportMonths months;

  ManagerDeskController(Objectives objectives, Forecast forecast, Dashboard dashboard, ManagedScope scope,
      ReportMonths months) {
    this.months = months;
    this.objectives = objectives;
    this.forecast = forecast;
    this.dashboard = dashboard;
    this.scope = scope;
  }

  /** A month's objectives of the people asked for, and their sum. */
  record ObjectivesView(String period, List<Objectives.Objective> objectives, java.math.BigDecimal amountWon,
      int dealsWon, int contacts) {}

  @GetMapping("/api/objectives")
  @Operation(summary = "Objectives of a month", description = "period YYYY-MM (400 otherwise); userId for one"
      + " person, teamId for a team (403 for a team the caller does not manage), else the caller's teams (an admin:"
      + " everyone); with their sum.")
  ObjectivesView objectives(@RequestParam String period, @RequestParam(required = false) String userId,
      @RequestParam(required = false) Long teamId) {
    var month = months.parse("period", period);
    List<String> people;
    if (userId != null) {
      scope.requireManages(userId);
      people = List.of(userId);
    } else {
      people = scope.owners(teamId);
    }
    List<Objectives.Objective> list = objectives.of(month, people);
    return new ObjectivesView(month.toString(), list,
        list.stream().map(Objectives.Objective::amountWon).reduce(java.math.BigDecimal.ZERO,
            java.math.BigDecimal::add),
        list.stream().mapToInt(Objectives.Objective::dealsWon).sum(),
        list.stream().mapToInt(Objectives.Objective::contacts).sum());
  }

  @PutMapping("/api/objectives")
  @Operation(summary = "Set a person's objective for a month", description = "{userId, period: YYYY-MM, amountWon,"
      + " dealsWon, contacts}; replaces the month's objective. A manager for the members of their teams (403"
      + " otherwise), an admin for anyone.")
  Objectives.Objective set(@RequestBody Objectives.Objective objective) {
    return objectives.set(objective);
  }

  @GetMapping("/api/reports/forecast")
  @Operation(summary = "The forecast per month of expected close", description = "from/to YYYY-MM (default: this"
      + " month and the five after; at most 36 months); teamId narrows to one team. Per month: open deals and their"
      + " amount, the amount weighted by processes/stage-probability.dmn, what was won, the objectives, attainment"
      + " (won / objective), and for a month that has begun the weighted forecast of the last weekly snapshot before"
      + " it and its accuracy (won / that forecast). Deals without an expected close date are counted apart.")
  Forecast.Report forecast(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
      @RequestParam(required = false) Long teamId) {
    return forecast.report(from, to, teamId);
  }

  @GetMapping("/api/dashboard")
  @Operation(summary = "The pipeline, deals at risk, overdue tasks, win rate, time per stage", description = "from/to"
      + " dates (default: the last 90 days) bound the win rate and the stages' usual times; a deal is at risk when"
      + " its sale task has waited longer than that task's 90th percentile over the period (five completions at"
      + " least), with a link to its instance in Cockpit.")
  Dashboard.View dashboard(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
      @RequestParam(required = false) Long teamId) {
    return dashboard.view(from, to, teamId);
  }
}
