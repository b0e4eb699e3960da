package com.relais.crm.reporting;

import com.relais.crm.identity.Teams;
import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The forecast as it stood on a day, kept for every month of the coming year, for everyone (team 0) and for each
 * team; taken weekly by processes/forecast-snapshot.bpmn. A second snapshot on the same day replaces the first.
 */
@Component
class ForecastSnapshots {
  static final int MONTHS_AHEAD = 12;

  private final JdbcClient jdbc;
  private final Teams teams;

  ForecastSnapshots(JdbcClient jdbc, Teams teams) {
    this.jdbc = jdbc;
    this.teams = teams;
  }

  /** What the last snapshot taken before {@code day} said of {@code month}'s weighted pipeline. */
  @Transactional(readOnly = true)
  Optional<BigDecimal> weightedBefore(YearMonth month, long teamKey, LocalDate day) {
    return jdbc.sql("select weighted from forecast_snapshot where close_month = ? and team_id = ? and taken_on < ?"
            + " order by taken_on desc limit 1")
        .params(month.toString(), teamKey, Date.valueOf(day)).query(BigDecimal.class).optional();
  }

  /** Takes today's snapshot with {@code forecast} (everyone's, then each team's). @return rows written */
  @Transactional
  int take(Forecast forecast) {
    LocalDate today = forecast.today();
    YearMonth first = YearMonth.from(today);
    jdbc.sql("delete from forecast_snapshot where taken_on = ?").param(Date.valueOf(today)).update();
    int rows = store(today, 0, forecast.build(first, first.plusMonths(MONTHS_AHEAD - 1), null, null));
    for (Teams.Team team : teams.list(0, 1000)) {
      List<String> owners = new java.util.ArrayList<>(team.memberIds());
      owners.add(team.managerId());
      rows += store(today, team.id(), forecast.build(first, first.plusMonths(MONTHS_AHEAD - 1), owners, team.id()));
    }
    return rows;
  }

  private int store(LocalDate day, long teamKey, Forecast.Report report) {
    for (Forecast.Month month : report.months()) {
      jdbc.sql("insert into forecast_snapshot (taken_on, close_month, team_id, pipeline, weighted) values (?, ?, ?, ?, ?)")
          .params(Date.valueOf(day), month.month(), teamKey, month.pipeline(), month.weighted()).update();
    }
    return report.months().size();
  }
}
