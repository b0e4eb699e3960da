package com.relais.crm.reporting;

import com.relais.crm.identity.Teams;
import com.relais.crm.opportunity.PipelineFigures;
import com.relais.crm.platform.InvalidFieldException;
import com.relais.crm.platform.SaneDates;
import com.relais.crm.platform.ScanReads;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a manager looks at first: the open pipeline by stage, the deals stuck in their stage for longer than the
 * stage usually takes (beyond its 90th percentile in the engine's history), the overdue tasks of each team, the
 * win rate and each stage's usual time over a period (the last 90 days unless asked otherwise). Every figure is a
 * scan, read through platform's {@link ScanReads}: on the read replica when one is set and close enough behind the
 * primary, which keeps a room of managers off the database that runs the deals.
 */
@Service
public class Dashboard {
  static final int DEFAULT_DAYS = 90;
  static final int AT_RISK_SHOWN = 50;
  static final String COCKPIT_INSTANCE = "/camunda/app/cockpit/default/#/process-instance/%s/runtime";

  private final PipelineFigures pipeline;
  private final StageTimes stageTimes;
  private final ManagedScope scope;
  private final Teams teams;
  private final ScanReads scans;
  private final ZoneId zone;

  Dashboard(PipelineFigures pipeline, StageTimes stageTimes, ManagedScope scope, Teams teams, ScanReads scans,
      ReportMonths months) {
    this.pipeline = pipeline;
    this.stageTimes = stageTimes;
    this.scope = scope;
    this.teams = teams;
    this.scans = scans;
    this.zone = months.zone();
  }

  public record StageTotal(String stage, long deals, BigDecimal amount) {}

  public record StageTime(String stage, String task, long completed, double medianDays, double p90Days) {}

  public record AtRisk(long opportunityId, String title, String owner, String stage, BigDecimal amount,
      String currency, String task, Instant inStageSince, double daysInStage, double usualDays, double p90Days,
      String processInstanceId, String cockpit) {}

  public record TeamOverdue(long teamId, String team, long overdueTasks) {}

  public record View(String from, String to, Long teamId, List<StageTotal> pipeline, List<AtRisk> atRisk,
      List<TeamOverdue> overdueTasks, long won, long lost, Double winRate, List<StageTime> stageTimes) {}

  @Transactional(readOnly = true)
  public View view(LocalDate fromDay, LocalDate toDay, Long teamId) {
    Instant now = ClockUtil.getCurrentTime().toInstant();
    LocalDate to = toDay == null ? LocalDate.ofInstant(now, zone) : SaneDates.require("to", toDay);
    LocalDate from = fromDay == null ? to.minusDays(DEFAULT_DAYS) : SaneDates.require("from", fromDay);
    if (from.isAfter(to)) {
      throw new InvalidFieldException("from", "from: not after to");
    }
    List<String> owners = scope.owners(teamId);
    Instant start = from.atStartOfDay(zone).toInstant();
    Instant end = to.plusDays(1).atStartOfDay(zone).toInstant();
    List<StageTimes.StageTime> usual = stageTimes.between(start, end);
    long won = 0;
    long lost = 0;
    for (PipelineFigures.Closed closed : pipeline.closedBetween(start, end, owners)) {
      won += closed.won();
      lost += closed.lost();
    }
    return new View(from.toString(), to.toString(), teamId,
        pipeline.openByStage(owners).stream().map(s -> new StageTotal(s.stage(), s.deals(), Forecast.money(s.amount())))
            .toList(),
        atRisk(usual, owners, now), overdue(owners, now), won, lost,
        won + lost == 0 ? null : Math.round(10_000.0 * won / (won + lost)) / 10_000.0,
        usual.stream().map(t -> new StageTime(t.stage(), t.activityName(), t.completed(), round(t.medianDays()),
            round(t.p90Days()))).toList());
  }

  /** The sale tasks waiting longer than their stage's 90th percentile, longest overdue first. */
  private List<AtRisk> atRisk(List<StageTimes.StageTime> usual, List<String> owners, Instant now) {
    if (usual.isEmpty()) {
      return List.of();
    }
    StringBuilder where = new StringBuilder();
    List<Object> args = new ArrayList<>();
    args.add(StageTimes.SALE);
    Map<String, StageTimes.StageTime> byTask = new HashMap<>();
    for (StageTimes.StageTime time : usual) {
      where.append(where.isEmpty() ? "" : " or ").append("(t.TASK_DEF_KEY_ = ? and t.CREATE_TIME_ < ?)");
      args.add(time.activityId());
      args.add(Timestamp.from(now.minus(time.p90())));
      byTask.put(time.activityId(), time);
    }
    record Waiting(String task, String name, Instant since, String instance, String key) {}
    List<Waiting> waiting = scans.read(on -> on.jdbc().query("select t.TASK_DEF_KEY_, t.NAME_, t.CREATE_TIME_,"
            + " t.PROC_INST_ID_,"
            + " e.BUSINESS_KEY_ from ACT_RU_TASK t join ACT_RU_EXECUTION e on e.ID_ = t.PROC_INST_ID_"
            + " join ACT_RE_PROCDEF d on d.ID_ = t.PROC_DEF_ID_ where d.KEY_ = ? and (" + where + ")"
            + " order by t.CREATE_TIME_ limit 500",
        (rs, n) -> new Waiting(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant(), rs.getString(4),
            rs.getString(5)), args.toArray()));
    Map<Long, Waiting> byDeal = new HashMap<>();
    waiting.forEach(w -> {
      if (w.key() != null && w.key().matches("\\d{1,18}")) {
        byDeal.putIfAbsent(Long.parseLong(w.key()), w);
      }
    });
    Set<String> team = owners == null ? null : new TreeSet<>(owners);
    List<AtRisk> deals = new ArrayList<>();
    for (PipelineFigures.DealLine deal : pipeline.lines(byDeal.keySet())) {
      if (team != null && !team.contains(deal.owner())) {
        continue;
      }
      Waiting w = byDeal.get(deal.id());
      StageTimes.StageTime time = byTask.get(w.task());
      double days = Duration.between(w.since(), now).toMillis() / 86_400_000.0;
      deals.add(new AtRisk(deal.id(), deal.title(), deal.owner(), deal.stage(), deal.amount(), deal.currency(),
          w.name(), w.since(), round(days), round(time.medianDays()), round(time.p90Days()), w.instance(),
          String.format(COCKPIT_INSTANCE, w.instance())));
    }
    deals.sort(Comparator.comparingDouble((AtRisk r) -> r.daysInStage() / Math.max(r.p90Days(), 0.001)).reversed());
    return deals.subList(0, Math.min(AT_RISK_SHOWN, deals.size()));
  }

  /** Tasks past their due date assigned to each team's members (a manager's teams, or every team for an admin). */
  private List<TeamOverdue> overdue(List<String> owners, Instant now) {
    List<TeamOverdue> overdue = new ArrayList<>();
    for (Teams.Team team : teams.list(0, 1000)) {
      List<String> members = new ArrayList<>(team.memberIds());
      if (owners != null && members.stream().noneMatch(owners::contains)) {
        continue;
      }
      if (members.isEmpty()) {
        overdue.add(new TeamOverdue(team.id(), team.name(), 0));
        continue;
      }
      List<Object> args = new ArrayList<>();
      args.add(Timestamp.from(now));
      args.addAll(members);
      Long count = scans.read(on -> on.jdbc().queryForObject("select count(*) from ACT_RU_TASK where DUE_DATE_ < ?"
          + " and ASSIGNEE_ in (" + String.join(", ", members.stream().map(m -> "?").toList()) + ")", Long.class,
          args.toArray()));
      overdue.add(new TeamOverdue(team.id(), team.name(), count == null ? 0 : count));
    }
    return overdue;
  }

  private static double round(double days) {
    return Math.round(days * 100) / 100.0;
  }
}
