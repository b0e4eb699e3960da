package com.relais.crm.routing;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The day plans, their rounds and stops (tables route_plan, route_round, route_stop). */
@Component
class RoutePlanStore {
  static final String REQUESTED = "REQUESTED";
  static final String PROPOSED = "PROPOSED";
  static final String APPROVED = "APPROVED";
  static final String REFUSED = "REFUSED";

  private final JdbcClient jdbc;

  RoutePlanStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** A plan's round as stored and shown. */
  record Round(String courier, BigDecimal distanceKm, int durationMinutes, int load, BigDecimal transportCost,
      BigDecimal carriedValue, List<Stop> stops) {}

  /** A stop of a round, in order. */
  record Stop(long opportunityId, String customerName, String address, Double latitude, Double longitude,
      Instant eta, int parcels, BigDecimal dealValue) {}

  /** A stop that is on no round, and why. */
  record Unplanned(long opportunityId, String customerName, String address, Double latitude, Double longitude,
      String reason, BigDecimal dealValue) {}

  /** A day's plan. */
  record Plan(LocalDate date, String status, String requestedBy, Instant requestedAt, Instant plannedAt,
      String decidedBy, Instant decidedAt, String score, List<Round> rounds, List<Unplanned> unplanned) {}

  Optional<String> statusOf(LocalDate date) {
    return jdbc.sql("select status from route_plan where plan_date = ?").param(date).query(String.class).optional();
  }

  void insertRequested(LocalDate date, String requestedBy, Instant at) {
    jdbc.sql("insert into route_plan (plan_date, status, requested_by, requested_at) values (?, ?, ?, ?)")
        .params(date, REQUESTED, requestedBy, utc(at)).update();
  }

  /** Replaces whatever an earlier try of the same job stored for the day, and makes the plan PROPOSED. */
  void savePlanned(LocalDate date, Instant at, String score, List<Round> rounds, List<Unplanned> unplanned) {
    long planId = jdbc.sql("select id from route_plan where plan_date = ?").param(date).query(Long.class).single();
    jdbc.sql("delete from route_stop where plan_id = ?").param(planId).update();
    jdbc.sql("delete from route_round where plan_id = ?").param(planId).update();
    for (Round round : rounds) {
      jdbc.sql("insert into route_round (plan_id, courier, distance_km, duration_minutes, parcels, transport_cost,"
              + " carried_value) values (?, ?, ?, ?, ?, ?, ?)")
          .params(planId, round.courier(), round.distanceKm(), round.durationMinutes(), round.load(),
              round.transportCost(), round.carriedValue()).update();
      int order = 1;
      for (Stop stop : round.stops()) {
        jdbc.sql("insert into route_stop (plan_id, courier, stop_order, opportunity_id, customer_name, address,"
                + " latitude, longitude, eta, parcels, deal_value) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
            .params(planId, round.courier(), order++, stop.opportunityId(), stop.customerName(), stop.address(),
                stop.latitude(), stop.longitude(), utc(stop.eta()), stop.parcels(), stop.dealValue()).update();
      }
    }
    for (Unplanned stop : unplanned) {
      jdbc.sql("insert into route_stop (plan_id, opportunity_id, customer_name, address, latitude, longitude,"
              + " parcels, deal_value, reason) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
          .params(planId, stop.opportunityId(), stop.customerName(), stop.address(), stop.latitude(),
              stop.longitude(), 1, stop.dealValue(), stop.reason()).update();
    }
    jdbc.sql("update route_plan set status = ?, planned_at = ?, score = ? where id = ?")
        .params(PROPOSED, utc(at), score, planId).update();
  }

  void decide(LocalDate date, boolean approved, String by, Instant at) {
    jdbc.sql("update route_plan set status = ?, decided_by = ?, decided_at = ? where plan_date = ?")
        .params(approved ? APPROVED : REFUSED, by, utc(at), date).update();
  }

  Optional<Plan> find(LocalDate date) {
    record Head(long id, String status, String requestedBy, Instant requestedAt, Instant plannedAt,
        String decidedBy, Instant decidedAt, String score) {}
    Optional<Head> head = jdbc.sql("select id, status, requested_by, requested_at, planned_at, decided_by,"
            + " decided_at, score from route_plan where plan_date = ?").param(date)
        .query((rs, n) -> new Head(rs.getLong(1), rs.getString(2), rs.getString(3),
            instant(rs.getObject(4, OffsetDateTime.class)), instant(rs.getObject(5, OffsetDateTime.class)),
            rs.getString(6), instant(rs.getObject(7, OffsetDateTime.class)), rs.getString(8)))
        .optional();
    if (head.isEmpty()) {
      return Optional.empty();
    }
    long planId = head.get().id();
    Map<String, List<Stop>> stopsByCourier = new LinkedHashMap<>();
    List<Unplanned> unplanned = new ArrayList<>();
    jdbc.sql("select courier, opportunity_id, customer_name, address, latitude, longitude, eta, parcels,"
            + " deal_value, reason from route_stop where plan_id = ? order by courier, stop_order, id")
        .param(planId)
        .query(rs -> {
          String courier = rs.getString(1);
          Double latitude = rs.getObject(5) == null ? null : rs.getDouble(5);
          Double longitude = rs.getObject(6) == null ? null : rs.getDouble(6);
          if (courier == null) {
            unplanned.add(new Unplanned(rs.getLong(2), rs.getString(3), rs.getString(4), latitude, longitude,
                rs.getString(10), rs.getBigDecimal(9)));
          } else {
            stopsByCourier.computeIfAbsent(courier, c -> new ArrayList<>()).add(new Stop(rs.getLong(2),
                rs.getString(3), rs.getString(4), latitude, longitude, instant(rs.getObject(7, OffsetDateTime.class)),
                rs.getInt(8), rs.getBigDecimal(9)));
          }
        });
    List<Round> rounds = jdbc.sql("select courier, distance_km, duration_minutes, parcels, transport_cost,"
            + " carried_value from route_round where plan_id = ? order by courier").param(planId)
        .query((rs, n) -> new Round(rs.getString(1), rs.getBigDecimal(2), rs.getInt(3), rs.getInt(4),
            rs.getBigDecimal(5), rs.getBigDecimal(6), stopsByCourier.getOrDefault(rs.getString(1), List.of())))
        .list();
    Head h = head.get();
    return Optional.of(new Plan(date, h.status(), h.requestedBy(), h.requestedAt(), h.plannedAt(), h.decidedBy(),
        h.decidedAt(), h.score(), rounds, unplanned));
  }

  private static OffsetDateTime utc(Instant at) {
    return at == null ? null : OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
  }

  private static Instant instant(OffsetDateTime at) {
    return at == null ? null : at.toInstant();
  }
}
