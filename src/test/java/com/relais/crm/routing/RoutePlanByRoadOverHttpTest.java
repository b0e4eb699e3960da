package com.relais.crm.routing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.relais.crm.Api;
import com.relais.crm.DealDriver;
import com.relais.crm.HttpTest;
import com.relais.crm.customer.CustomerService;
import com.relais.crm.delivery.DeliveriesAtReception;
import com.relais.crm.delivery.DeliveryProcess;
import com.relais.crm.identity.CurrentUser;
import com.relais.crm.opportunity.OpportunityService;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The day's rounds planned with a routing service's distances (issue 20), on the suite's one service: real deals at
 * the reception, the plan stored and read over HTTP. The routing service is the test's own, in process; its roads
 * cross a river at longitude 4.845 by a bridge 15 km away, so a round from the depot (east bank) to a stop on the
 * west bank drives 30 km more than the crow flies. The suite's settings have no routing service, so the planner is
 * built here from the service's own beans with the settings plus the service's URL (the step "Plan the rounds" calls
 * the same method).
 */
@HttpTest
class RoutePlanByRoadOverHttpTest {
  private static final double RIVER = 4.845;
  private static final double BRIDGE_DETOUR = 15_000;
  private static final double METERS_PER_SECOND = 8;
  /** Great-circle, plus the detour by the bridge when the two places are on either bank. */
  private static final MatrixServer.Road ROADS = (fromLat, fromLon, toLat, toLon) ->
      GreatCircle.meters(fromLat, fromLon, toLat, toLon) + ((fromLon < RIVER) != (toLon < RIVER) ? BRIDGE_DETOUR : 0);

  @Autowired TestRestTemplate rest;
  @Autowired DealDriver deals;
  @Autowired DeliveryProcess receptions;
  @Autowired RoutePlanStore store;
  @Autowired RoundSolver solver;
  @Autowired DeliveriesAtReception deliveries;
  @Autowired OpportunityService opportunities;
  @Autowired CustomerService customers;
  @Autowired RoutePlanningProcess process;
  @Autowired RoutingProperties settings;
  @Autowired CurrentUser currentUser;
  @Autowired Clock clock;
  @Autowired PlatformTransactionManager transactions;

  private final String run = UUID.randomUUID().toString().substring(0, 8);

  @AfterEach
  void quietEngine() {
    deals.awaitQuietEngine();
  }

  @Test
  void theRoundsDistancesAndTimesAreTheRoutingServicesByRoad() throws Exception {
    long westBank = DealsAtReception.dealAtReception(rest, deals, "West bank " + run, 45.7600, 4.8380);
    long eastBank = DealsAtReception.dealAtReception(rest, deals, "East bank " + run, 45.7600, 4.8550);

    try (MatrixServer service = MatrixServer.serving(ROADS, METERS_PER_SECOND)) {
      LocalDate day = aDay();
      RoutePlanner.Outcome outcome = plan(service.url(), day);

      assertThat(outcome.planned()).isTrue();
      assertThat(outcome.summary()).contains(RoadDistances.BY_ROAD).doesNotContain(RoadDistances.FELL_BACK);
      assertThat(service.requests()).as("one request for the plan").hasSize(1);

      JsonNode plan = Api.as(rest, "logistics").get("/api/route-plans/" + day).json();
      assertThat(plan.path("status").asText()).isEqualTo("PROPOSED");
      boolean bothServed = false;
      for (JsonNode round : plan.path("rounds")) {
        List<double[]> stops = stopsOf(round);
        double byRoad = meters(stops, ROADS, true);
        double byAir = meters(stops, (a, b, c, d) -> GreatCircle.meters(a, b, c, d), false);
        // what the plan reports is the service's matrix summed over the round, not the crow's flight
        assertThat(round.path("distanceKm").asDouble()).as("km of %s", round)
            .isCloseTo(byRoad / 1000, org.assertj.core.data.Offset.offset(0.011));
        double minutes = byRoadSeconds(stops) / 60 + settings.minutesPerStop() * stops.size();
        assertThat(round.path("durationMinutes").asInt()).as("minutes of %s", round)
            .isBetween((int) Math.ceil(minutes) - 1, (int) Math.ceil(minutes) + 1);
        List<Long> ids = new ArrayList<>();
        round.path("stops").forEach(stop -> ids.add(stop.path("opportunityId").asLong()));
        if (ids.contains(westBank) && ids.contains(eastBank)) {
          bothServed = true;
          // from the depot on the east bank to the west bank and back: the bridge twice
          assertThat(byRoad - byAir).isGreaterThanOrEqualTo(2 * BRIDGE_DETOUR - 1);
        }
      }
      assertThat(bothServed).as("both banks on one round: %s", plan).isTrue();
    }
  }

  @Test
  void aRoutingServiceThatIsDownLeavesTheRoundsAsTheCrowFliesAndTheSummarySaysSo() throws Exception {
    DealsAtReception.dealAtReception(rest, deals, "Down " + run, 45.7600, 4.8380);
    int closed;
    try (ServerSocket socket = new ServerSocket(0)) {
      closed = socket.getLocalPort();
    }
    LocalDate day = aDay();
    RoutePlanner.Outcome outcome = plan("http://127.0.0.1:" + closed, day);

    assertThat(outcome.planned()).isTrue();
    assertThat(outcome.summary()).contains(RoadDistances.FELL_BACK + " (it could not be reached).")
        .doesNotContain(RoadDistances.BY_ROAD);
    // one line, under the title, for the dispatcher
    assertThat(outcome.summary().lines().filter(line -> line.contains("great-circle")).count()).isEqualTo(1);

    JsonNode plan = Api.as(rest, "logistics").get("/api/route-plans/" + day).json();
    assertThat(plan.path("status").asText()).isEqualTo("PROPOSED");
    assertThat(plan.path("rounds").size()).as("a plan all the same: %s", plan).isPositive();
    for (JsonNode round : plan.path("rounds")) {
      double byAir = meters(stopsOf(round), (a, b, c, d) -> GreatCircle.meters(a, b, c, d), false);
      assertThat(round.path("distanceKm").asDouble()).isCloseTo(byAir / 1000,
          org.assertj.core.data.Offset.offset(0.011));
    }
  }

  /** Plans the day as the diagram's step does, in a transaction, with the suite's settings and this service. */
  private RoutePlanner.Outcome plan(String distanceMatrixUrl, LocalDate day) {
    RoutingProperties withService = new RoutingProperties(settings.depotLatitude(), settings.depotLongitude(),
        settings.couriers(), settings.averageSpeedKmh(), settings.minutesPerStop(), settings.solveTimeLimit(),
        settings.costPerKm(), settings.costPerHour(), settings.zone(), distanceMatrixUrl, Duration.ofSeconds(2));
    RoutePlanner planner = new RoutePlanner(receptions, store, solver, deliveries, opportunities, customers, process,
        withService, new RoadDistances(withService), currentUser, clock);
    return new TransactionTemplate(transactions).execute(status -> planner.plan(day, "logistics"));
  }

  private static LocalDate aDay() {
    return LocalDate.of(2050, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(3000));
  }

  private static List<double[]> stopsOf(JsonNode round) {
    List<double[]> stops = new ArrayList<>();
    round.path("stops").forEach(stop -> stops.add(new double[] {stop.path("latitude").asDouble(),
        stop.path("longitude").asDouble()}));
    return stops;
  }

  /** Depot, the stops in order, depot; {@code served}: each leg as the service answers it (to a tenth). */
  private double meters(List<double[]> stops, MatrixServer.Road road, boolean served) {
    double meters = 0;
    double lat = settings.depotLatitude();
    double lon = settings.depotLongitude();
    List<double[]> legs = new ArrayList<>(stops);
    legs.add(new double[] {settings.depotLatitude(), settings.depotLongitude()});
    for (double[] to : legs) {
      meters += served ? MatrixServer.served(road, lat, lon, to[0], to[1]) : road.meters(lat, lon, to[0], to[1]);
      lat = to[0];
      lon = to[1];
    }
    return meters;
  }

  private double byRoadSeconds(List<double[]> stops) {
    return meters(stops, ROADS, true) / METERS_PER_SECOND;
  }
}
