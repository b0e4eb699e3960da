package com.relais.crm.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Timefold on a made-up day: 60 stops around a depot in Lyon, 4 couriers of 16 parcels each, 08:00 to 17:00. Every
 * stop is on exactly one round or reported as not fitting, no van carries more than it holds, every round is back
 * before the shift ends, and the rounds drive less than a dispatcher's nearest-neighbour rounds.
 */
class RoundSolverTest {
  private static final double DEPOT_LAT = 45.75;
  private static final double DEPOT_LON = 4.85;
  private static final int COURIERS = 4;
  private static final int CAPACITY = 16;
  private static final int SHIFT_START = 8 * 60;
  private static final int SHIFT_END = 17 * 60;
  private static final double SPEED_KMH = 50;
  private static final int MINUTES_PER_STOP = 10;
  static final Place DEPOT = new Place(Place.DEPOT, DEPOT_LAT, DEPOT_LON);

  @Test
  void sixtyStopsAndFourCouriersAreServedOnceWithinCapacityAndHoursAndShorterThanNearestNeighbour() {
    List<RoundStop> stops = stops(60, new Random(20261129));
    RoundSolver solver = new RoundSolver(properties(Duration.ofSeconds(5)));
    RoundsProblem solved = solver.solve(new RoundsProblem(couriers(), stops));

    Set<Long> onRounds = new HashSet<>();
    double meters = 0;
    for (CourierRound round : solved.rounds()) {
      for (RoundStop stop : round.stops()) {
        assertThat(onRounds.add(stop.opportunityId())).as("stop %d on one round only", stop.opportunityId()).isTrue();
      }
      assertThat(round.parcels()).as("load of %s", round.courier()).isLessThanOrEqualTo(CAPACITY);
      assertThat(round.minutesPastShiftEnd()).as("%s back in time", round.courier()).isZero();
      meters += round.meters();
    }
    long unfitted = solved.stops().stream().filter(stop -> stop.round() == null).count();
    assertThat(onRounds.size() + unfitted).as("every stop served or reported").isEqualTo(60);
    assertThat(solved.score().hardScore()).isZero();

    // the same day drawn by hand: nearest stop next, while the van has room and the shift has time
    RoundsProblem byHand = NearestNeighbourStart.of(new RoundsProblem(couriers(), stops(60, new Random(20261129))));
    int servedByHand = byHand.rounds().stream().mapToInt(round -> round.stops().size()).sum();
    double metersByHand = NearestNeighbourStart.meters(byHand);
    assertThat(onRounds.size()).as("serves at least as many as the baseline").isGreaterThanOrEqualTo(servedByHand);
    assertThat(meters).as("metres against the nearest-neighbour baseline's %.0f", metersByHand)
        .isLessThan(metersByHand);
  }

  private static List<CourierRound> couriers() {
    List<CourierRound> rounds = new ArrayList<>();
    for (int i = 0; i < COURIERS; i++) {
      rounds.add(new CourierRound("courier" + i, CAPACITY, SHIFT_START, SHIFT_END, DEPOT,
          new GreatCircleDistances(SPEED_KMH), MINUTES_PER_STOP));
    }
    return rounds;
  }

  /** Stops up to about 25 km from the depot, one parcel each. */
  static List<RoundStop> stops(int count, Random random) {
    List<RoundStop> stops = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      double lat = DEPOT_LAT + (random.nextDouble() - 0.5) * 0.45;
      double lon = DEPOT_LON + (random.nextDouble() - 0.5) * 0.6;
      stops.add(new RoundStop(1000 + i, new Place(i + 1, lat, lon), 1));
    }
    return stops;
  }

  static RoutingProperties properties(Duration limit) {
    return properties(limit, "");
  }

  /** The same settings with a routing service's base URL (empty: none), given 2 s to answer. */
  static RoutingProperties properties(Duration limit, String distanceMatrixUrl) {
    return new RoutingProperties(DEPOT_LAT, DEPOT_LON, List.of(), SPEED_KMH, MINUTES_PER_STOP, limit,
        new BigDecimal("0.45"), new BigDecimal("28"), ZoneId.of("Europe/Paris"), distanceMatrixUrl,
        Duration.ofSeconds(2));
  }
}
