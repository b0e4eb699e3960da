package com.relais.crm.reporting;

import com.relais.crm.identity.CurrentUser;
import com.relais.crm.platform.InvalidFieldException;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Objectives per person and month: the amount and number of deals to win and the contacts to make. A manager sets
 * them for the members of their teams; the forecast, the dashboard and the monthly report set results against them.
 */
@Service
public class Objectives {
  private final JdbcClient jdbc;
  private final ManagedScope scope;
  private final CurrentUser currentUser;
  private final Clock clock;
  private final ReportMonths months;

  Objectives(JdbcClient jdbc, ManagedScope scope, CurrentUser currentUser, Clock clock, ReportMonths months) {
    this.months = months;
    this.jdbc = jdbc;
    this.scope = scope;
    this.currentUser = currentUser;
    this.clock = clock;
  }

  public record Objective(String userId, String period, BigDecimal amountWon, int dealsWon, int contacts) {}

  /** The objectives of one month for these people ({@code null}: everyone's). */
  @Transactional(readOnly = true)
  public List<Objective> of(YearMonth period, Collection<String> userIds) {
    if (userIds != null && userIds.isEmpty()) {
      return List.of();
    }
    List<Object> args = new ArrayList<>();
    args.add(period.toString());
    String who = "";
    if (userIds != null) {
      who = " and user_id in (" + String.join(", ", userIds.stream().map(u -> "?").toList()) + ")";
      args.addAll(userIds);
    }
    return jdbc.sql("select user_id, period, amount_won, deals_won, contacts from objective where period = ?" + who
            + " order by user_id")
        .params(args).query((rs, n) -> new Objective(rs.getString(1), rs.getString(2), rs.getBigDecimal(3),
            rs.getInt(4), rs.getInt(5)))
        .list();
  }

  /** Sets (or replaces) one person's objective for a month; 403 for someone outside the caller's teams. */
  @Transactional
  public Objective set(Objective objective) {
    scope.requireManages(objective.userId());
    YearMonth period = months.parse("period", objective.period());
    if (objective.amountWon() == null || objective.amountWon().signum() < 0
        || objective.amountWon().compareTo(new BigDecimal("1000000000000")) > 0) {
      throw new InvalidFieldException("amountWon", "amountWon: an amount from 0");
    }
    if (objective.dealsWon() < 0 || objective.contacts() < 0) {
      throw new InvalidFieldException(objective.dealsWon() < 0 ? "dealsWon" : "contacts", "a count from 0");
    }
    jdbc.sql("delete from objective where user_id = ? and period = ?").params(objective.userId(), period.toString())
        .update();
    jdbc.sql("insert into objective (user_id, period, amount_won, deals_won, contacts, set_by, set_at)"
            + " values (?, ?, ?, ?, ?, ?, ?)")
        .params(objective.userId(), period.toString(), objective.amountWon(), objective.dealsWon(),
            objective.contacts(), currentUser.id(), Timestamp.from(clock.instant()))
        .update();
    return of(period, List.of(objective.userId())).get(0);
  }
}
