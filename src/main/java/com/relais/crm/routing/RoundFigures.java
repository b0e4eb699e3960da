package com.relais.crm.routing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The rounds' profitability over a month, for the monthly report (reporting module): what the approved rounds cost
 * to drive against the value of the deliveries they carried. Only APPROVED plans count: a proposed plan may still
 * change and a refused one was never driven. The figures are added from what each round stored when it was planned
 * (route_round), so they are the same sums the plans show over the API.
 */
@Component
public class RoundFigures {
  private final JdbcClient jdbc;

  RoundFigures(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * A month's approved rounds, all couriers together and per courier. {@code costShare} is the transport cost as a
   * share of the carried value (0.0425 for 4.25 %), null when nothing of value was carried.
   */
  public record Month(String month, long plans, Totals total, List<Courier> couriers, long unplannedStops) {}

  /** Rounds, stops (deliveries on the rounds), kilometres, driving time, cost and the value carried. */
  public record Totals(long rounds, long stops, BigDecimal distanceKm, long durationMinutes, BigDecimal hours,
      BigDecimal transportCost, BigDecimal carriedValue, BigDecimal costShare) {}

  /** One courier's approved rounds of the month. */
  public record Courier(String courier, Totals figures) {}

  @Transactional(readOnly = true)
  public Month approvedIn(YearMonth month) {
    LocalDate from = month.atDay(1);
    LocalDate to = month.plusMonths(1).atDay(1);
    long plans = jdbc.sql("select count(*) from route_plan where status = ? and plan_date >= ? and plan_date < ?")
        .params(RoutePlanStore.APPROVED, from, to).query(Long.class).single();
    Map<String, Long> stopsOf = new HashMap<>();
    jdbc.sql("select s.courier, count(*) from route_stop s join route_plan p on p.id = s.plan_id"
            + " where p.status = ? and p.plan_date >= ? and p.plan_date < ? and s.courier is not null"
            + " group by s.courier")
        .params(RoutePlanStore.APPROVED, from, to)
        .query(rs -> {
          stopsOf.put(rs.getString(1), rs.getLong(2));
        });
    long unplanned = jdbc.sql("select count(*) from route_stop s join route_plan p on p.id = s.plan_id"
            + " where p.status = ? and p.plan_date >= ? and p.plan_date < ? and s.courier is null")
        .params(RoutePlanStore.APPROVED, from, to).query(Long.class).single();
    List<Courier> couriers = jdbc.sql("select r.courier, count(*), coalesce(sum(r.distance_km), 0),"
            + " coalesce(sum(r.duration_minutes), 0), coalesce(sum(r.transport_cost), 0),"
            + " coalesce(sum(r.carried_value), 0) from route_round r join route_plan p on p.id = r.plan_id"
            + " where p.status = ? and p.plan_date >= ? and p.plan_date < ? group by r.courier order by r.courier")
        .params(RoutePlanStore.APPROVED, from, to)
        .query((rs, n) -> new Courier(rs.getString(1), totals(rs.getLong(2),
            stopsOf.getOrDefault(rs.getString(1), 0L), rs.getBigDecimal(3), rs.getLong(4), rs.getBigDecimal(5),
            rs.getBigDecimal(6))))
        .list();
    Totals total = totals(
        couriers.stream().mapToLong(c -> c.figures().rounds()).sum(),
        couriers.stream().mapToLong(c -> c.figures().stops()).sum(),
        couriers.stream().map(c -> c.figures().distanceKm()).reduce(BigDecimal.ZERO, BigDecimal::add),
        couriers.stream().mapToLong(c -> c.figures().durationMinutes()).sum(),
        couriers.stream().map(c -> c.figures().transportCost()).reduce(BigDecimal.ZERO, BigDecimal::add),
        couriers.stream().map(c -> c.figures().carriedValue()).reduce(BigDecimal.ZERO, BigDecimal::add));
    return new Month(month.toString(), plans, total, couriers, unplanned);
  }

  // the sums keep the columns' two decimals (numeric(12, 2) and numeric(19, 2)), whatever scale a database's sum has
  private static Totals totals(long rounds, long stops, BigDecimal km, long minutes, BigDecimal cost,
      BigDecimal value) {
    BigDecimal distance = km.setScale(2, RoundingMode.HALF_UP);
    BigDecimal transport = cost.setScale(2, RoundingMode.HALF_UP);
    BigDecimal carried = value.setScale(2, RoundingMode.HALF_UP);
    BigDecimal hours = BigDecimal.valueOf(minutes).divide(BigDecimal.valueOf(60), 2, RoundingMode.HALF_UP);
    BigDecimal share = carried.signum() == 0 ? null : transport.divide(carried, 4, RoundingMode.HALF_UP);
    return new Totals(rounds, stops, distance, minutes, hours, transport, carried, share);
  }
}
