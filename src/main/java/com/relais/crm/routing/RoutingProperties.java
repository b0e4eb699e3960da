package com.relais.crm.routing;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the couriers' rounds (relais.routing in application.yml; docs/operations.md lists them). The time of
 * the daily run is the timer's cron in processes/route-planning.bpmn (working days, 06:30, the JVM's zone).
 */
@ConfigurationProperties("relais.routing")
record RoutingProperties(
    /** Where every round starts and ends. */
    @DefaultValue("45.75") double depotLatitude,
    @DefaultValue("4.85") double depotLongitude,
    /** The couriers who drive rounds; none set: the demo user courier, 20 parcels, 08:00-17:00. */
    List<Courier> couriers,
    /** Average speed on the road, great-circle distance over time. */
    @DefaultValue("50") double averageSpeedKmh,
    /** Minutes spent at each stop (unloading, the reception signed). */
    @DefaultValue("10") int minutesPerStop,
    /** How long the solver searches for better rounds. */
    @DefaultValue("PT5S") Duration solveTimeLimit,
    /** A round's transport cost: per km driven and per hour of the round. */
    @DefaultValue("0.45") BigDecimal costPerKm,
    @DefaultValue("28") BigDecimal costPerHour,
    /** The company's time zone: the plan's day and its stops' times. */
    @DefaultValue("Europe/Paris") ZoneId zone,
    /**
     * A routing service answering OSRM's Table service ({@code {url}/table/v1/driving/...}), asked once per plan for
     * the metres and seconds by road between the depot and the stops; empty: great-circle distances at the average
     * speed. When the service cannot be used the plan is made with great-circle distances and its summary says so.
     */
    String distanceMatrixUrl,
    /** How long to wait for the routing service: to connect, and for its whole answer. */
    @DefaultValue("PT10S") Duration distanceMatrixTimeout) {

  static final Courier DEFAULT_COURIER = new Courier("courier", 20, "08:00", "17:00");

  RoutingProperties {
    couriers = couriers == null || couriers.isEmpty() ? List.of(DEFAULT_COURIER) : List.copyOf(couriers);
    if (averageSpeedKmh <= 0) {
      throw new IllegalArgumentException("relais.routing.average-speed-kmh must be above 0");
    }
    // the base URL only; a trailing slash would double in front of /table
    distanceMatrixUrl = distanceMatrixUrl == null ? "" : distanceMatrixUrl.strip().replaceAll("/+$", "");
    if (!distanceMatrixUrl.isEmpty() && !distanceMatrixUrl.matches("(?i)https?://.+")) {
      throw new IllegalArgumentException("relais.routing.distance-matrix-url must be an http:// or https:// URL");
    }
    if (distanceMatrixTimeout == null || distanceMatrixTimeout.isZero() || distanceMatrixTimeout.isNegative()) {
      throw new IllegalArgumentException("relais.routing.distance-matrix-timeout must be above 0");
    }
  }

  /** A courier (their user id, to whom the round task is assigned), their van's parcels and their hours. */
  record Courier(String id, @DefaultValue("20") int capacity, @DefaultValue("08:00") String shiftStart,
      @DefaultValue("17:00") String shiftEnd) {

    Courier {
      if (id == null || id.isBlank()) {
        throw new IllegalArgumentException("relais.routing.couriers[].id is required");
      }
      if (!LocalTime.parse(shiftStart).isBefore(LocalTime.parse(shiftEnd))) {
        throw new IllegalArgumentException("courier " + id + ": the shift must start before it ends");
      }
    }

    int shiftStartMinutes() {
      return LocalTime.parse(shiftStart).toSecondOfDay() / 60;
    }

    int shiftEndMinutes() {
      return LocalTime.parse(shiftEnd).toSecondOfDay() / 60;
    }
  }
}
