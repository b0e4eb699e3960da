package com.relais.crm.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Distances from a routing service (OSRM's Table format), against a service of the test's own in process: four
 * places at the corners of a square of about 1 km, the depot at one corner. As the crow flies the best round goes
 * round the square; by road a river runs between stops 1 and 2 (20 km to the nearest bridge), so the best round
 * goes diagonally instead, and the solver must find that one from the matrix. A service that is down, slow or
 * answers wrong leaves great-circle distances and says why.
 */
class RoadDistancesTest {
  private static final double LAT = 45.75;
  private static final double LON = 4.85;
  /** About 1 km north, and about 1 km east, at this latitude. */
  private static final double NORTH = 0.009;
  private static final double EAST = 0.0129;
  private static final List<Place> SQUARE = List.of(
      new Place(0, LAT, LON),                 // the depot, south-west corner
      new Place(1, LAT + NORTH, LON),         // north-west
      new Place(2, LAT + NORTH, LON + EAST),  // north-east
      new Place(3, LAT, LON + EAST));         // south-east
  /** Great-circle everywhere, except the river between stops 1 and 2: the bridge is 20 km away. */
  private static final MatrixServer.Road RIVER = (fromLat, fromLon, toLat, toLon) -> {
    boolean oneToTwo = near(fromLat, fromLon, SQUARE.get(1)) && near(toLat, toLon, SQUARE.get(2))
        || near(fromLat, fromLon, SQUARE.get(2)) && near(toLat, toLon, SQUARE.get(1));
    return oneToTwo ? 20_000 : GreatCircle.meters(fromLat, fromLon, toLat, toLon);
  };

  @Test
  void theRoundFollowsTheRoadsNotTheCrowsFlight() throws Exception {
    try (MatrixServer service = MatrixServer.serving(RIVER, 10)) {
      // a trailing slash on the setting is taken off, not doubled in front of /table
      RoadDistances roads = new RoadDistances(properties(service.url() + "/", Duration.ofSeconds(2)));
      RoadDistances.Chosen chosen = roads.of(SQUARE);

      assertThat(chosen.note()).isEqualTo(RoadDistances.BY_ROAD);
      assertThat(chosen.distances()).isInstanceOf(MatrixDistances.class);
      assertThat(service.requests()).as("one request for the whole plan").hasSize(1);
      assertThat(service.requests().get(0).getPath()).isEqualTo("/table/v1/driving/"
          + "4.850000,45.750000;4.850000,45.759000;4.862900,45.759000;4.862900,45.750000");
      assertThat(service.requests().get(0).getQuery()).isEqualTo("annotations=distance,duration");

      CourierRound byRoad = solveOneRound(chosen.distances());
      assertThat(ids(byRoad)).as("around the river: stop 3 between 1 and 2").isIn(List.of(1L, 3L, 2L),
          List.of(2L, 3L, 1L));
      // the round's metres are the matrix's, leg by leg (depot, the stops in order, depot)
      double expected = 0;
      Place at = SQUARE.get(0);
      for (RoundStop stop : byRoad.stops()) {
        expected += MatrixServer.served(RIVER, at.latitude(), at.longitude(), stop.latitude(), stop.longitude());
        at = stop.place();
      }
      expected += MatrixServer.served(RIVER, at.latitude(), at.longitude(), LAT, LON);
      assertThat(byRoad.meters()).isCloseTo(expected, org.assertj.core.data.Offset.offset(0.5));
      // and its minutes the matrix's seconds (10 m/s), not great-circle at 50 km/h, plus 10 minutes a stop
      assertThat(byRoad.minutes()).isCloseTo(expected / 10 / 60 + 30, org.assertj.core.data.Offset.offset(0.1));
    }

    // the same day as the crow flies: round the square, stop 2 in the middle
    CourierRound byAir = solveOneRound(new GreatCircleDistances(50));
    assertThat(ids(byAir)).isIn(List.of(1L, 2L, 3L), List.of(3L, 2L, 1L));
  }

  @Test
  void aServiceThatIsDownLeavesGreatCircleDistancesAndSaysSo() throws Exception {
    int closed;
    try (ServerSocket socket = new ServerSocket(0)) {
      closed = socket.getLocalPort();
    }
    RoadDistances.Chosen chosen = new RoadDistances(properties("http://127.0.0.1:" + closed, Duration.ofSeconds(2)))
        .of(SQUARE);
    assertThat(chosen.distances()).isInstanceOf(GreatCircleDistances.class);
    assertThat(chosen.note()).startsWith(RoadDistances.FELL_BACK).contains("could not be reached");
  }

  @Test
  void aSlowServiceIsGivenUpAfterItsTimeout() throws Exception {
    try (MatrixServer slow = MatrixServer.answering(200, "{\"code\":\"Ok\"}", 1500)) {
      long start = System.nanoTime();
      RoadDistances.Chosen chosen = new RoadDistances(properties(slow.url(), Duration.ofMillis(300))).of(SQUARE);
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(1200));
      assertThat(chosen.distances()).isInstanceOf(GreatCircleDistances.class);
      assertThat(chosen.note()).startsWith(RoadDistances.FELL_BACK).contains("no answer within 300 ms");
    }
  }

  @Test
  void anAnswerThatIsNotACompleteSquareMatrixWithCodeOkIsRefused() throws Exception {
    String row = "[0,1,2]";
    String square = "[" + row + "," + row + "," + row + "]";
    assertThat(RoadDistances.parse(200, "{\"code\":\"Ok\",\"distances\":" + square + ",\"durations\":" + square
        + "}", 3).size()).isEqualTo(3);

    assertThatThrownBy(() -> RoadDistances.parse(400, "{\"code\":\"TooBig\",\"message\":\"Too many table"
        + " coordinates\"}", 3)).hasMessageContaining("HTTP 400, code TooBig: Too many table coordinates");
    assertThatThrownBy(() -> RoadDistances.parse(200, "{\"code\":\"NoTable\"}", 3))
        .hasMessageContaining("code NoTable");
    assertThatThrownBy(() -> RoadDistances.parse(502, "<html>Bad gateway</html>", 3))
        .hasMessageContaining("HTTP 502, not JSON");
    assertThatThrownBy(() -> RoadDistances.parse(200, "{\"code\":\"Ok\",\"distances\":" + square + "}", 3))
        .as("no durations").hasMessageContaining("durations");
    assertThatThrownBy(() -> RoadDistances.parse(200, "{\"code\":\"Ok\",\"distances\":" + square
        + ",\"durations\":" + square + "}", 4)).as("three places for four").hasMessageContaining("4 rows");
    assertThatThrownBy(() -> RoadDistances.parse(200, "{\"code\":\"Ok\",\"distances\":[[0,1,2],[0,1],[0,1,2]],"
        + "\"durations\":" + square + "}", 3)).as("a short row").hasMessageContaining("row 1");
    assertThatThrownBy(() -> RoadDistances.parse(200, "{\"code\":\"Ok\",\"distances\":[[0,1,2],[0,null,2],"
        + "[0,1,2]],\"durations\":" + square + "}", 3)).as("no road").hasMessageContaining("place 1 to place 1");

    // through the service: a broken answer falls back like a service that is down
    try (MatrixServer broken = MatrixServer.answering(200, "{\"code\":\"Ok\",\"distances\":[[0]]}", 0)) {
      RoadDistances.Chosen chosen = new RoadDistances(properties(broken.url(), Duration.ofSeconds(2))).of(SQUARE);
      assertThat(chosen.distances()).isInstanceOf(GreatCircleDistances.class);
      assertThat(chosen.note()).startsWith(RoadDistances.FELL_BACK).contains("distances is not a matrix of 4 rows");
    }
  }

  @Test
  void withoutAServiceNothingIsAskedAndNothingSaid() {
    RoadDistances.Chosen chosen = new RoadDistances(properties("", Duration.ofSeconds(2))).of(SQUARE);
    assertThat(chosen.distances()).isInstanceOf(GreatCircleDistances.class);
    assertThat(chosen.note()).isNull();
  }

  /** One courier, 08:00 to 17:00, the three stops of the square; the solver searches half a second. */
  private static CourierRound solveOneRound(Distances distances) {
    List<CourierRound> rounds = new ArrayList<>(List.of(new CourierRound("courier", 16, 8 * 60, 17 * 60,
        SQUARE.get(0), distances, 10)));
    List<RoundStop> stops = new ArrayList<>();
    for (int i = 1; i <= 3; i++) {
      stops.add(new RoundStop(i, SQUARE.get(i), 1));
    }
    RoundsProblem solved = new RoundSolver(properties("", Duration.ofSeconds(2)))
        .solve(new RoundsProblem(rounds, stops));
    assertThat(solved.score().hardScore()).isZero();
    assertThat(solved.score().mediumScore()).as("every stop on the round").isZero();
    return solved.rounds().get(0);
  }

  private static List<Long> ids(CourierRound round) {
    return round.stops().stream().map(RoundStop::opportunityId).toList();
  }

  private static boolean near(double lat, double lon, Place place) {
    return Math.abs(lat - place.latitude()) < 1e-6 && Math.abs(lon - place.longitude()) < 1e-6;
  }

  /** The test suite's routing settings with a solver time box of half a second and this routing service. */
  private static RoutingProperties properties(String url, Duration timeout) {
    return new RoutingProperties(LAT, LON, List.of(), 50, 10, Duration.ofMillis(500), new BigDecimal("0.45"),
        new BigDecimal("28"), ZoneId.of("Europe/Paris"), url, timeout);
  }
}
