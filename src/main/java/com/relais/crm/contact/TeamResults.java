package com.relais.crm.contact;

import com.relais.crm.identity.Teams;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Planned against done for every team and every team member over a period, whoever asks: what company reports (the
 * monthly report) print. The API's own report (GET /api/reports/planned-vs-done) shows each caller only their own
 * share; the figures are the same, counted by the same code.
 */
@Component
public class TeamResults {
  /** More teams than a company has; {@link Teams#list} pages. */
  private static final int ALL_TEAMS = 1000;

  private final PlannedVsDone plannedVsDone;
  private final Teams teams;

  TeamResults(PlannedVsDone plannedVsDone, Teams teams) {
    this.plannedVsDone = plannedVsDone;
    this.teams = teams;
  }

  /** Work due in the period and what became of it (docs/api.md, "Planned versus done"). */
  public record Counts(int planned, int doneOnTime, int doneLate, int missed, int escalated, int unplannedDone,
      int open) {}

  public record TeamResult(long teamId, String name, String managerId, Counts counts) {}

  public record PersonResult(String userId, Counts counts) {}

  public record Results(List<TeamResult> teams, List<PersonResult> people) {}

  /** The days {@code from} to {@code to}, both included, in the company's zone. */
  @Transactional(readOnly = true)
  public Results of(LocalDate from, LocalDate to) {
    List<Teams.Team> all = teams.list(0, ALL_TEAMS);
    Set<String> members = new LinkedHashSet<>();
    all.forEach(team -> members.addAll(team.memberIds()));
    PlannedVsDone.Report report = plannedVsDone.count(from, to, all, members);
    return new Results(
        report.teams().stream().map(team -> new TeamResult(team.teamId(), team.name(), team.managerId(),
            counts(team.totals()))).toList(),
        report.rows().stream().map(row -> new PersonResult(row.userId(), counts(row))).toList());
  }

  private static Counts counts(PlannedVsDone.Row row) {
    return new Counts(row.planned(), row.doneOnTime(), row.doneLate(), row.missed(), row.escalated(),
        row.unplannedDone(), row.open());
  }
}
