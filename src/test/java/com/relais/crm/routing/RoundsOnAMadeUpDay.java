package com.relais.crm.routing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The benchmark's scenario R: the solver on a made-up day of {@code stops} stops and {@code couriers} couriers,
 * against the nearest-neighbour rounds of the same day. Lives beside the solver because its model is package-private.
 */
public final class RoundsOnAMadeUpDay {
  private RoundsOnAMadeUpDay() {}

  /** Metres of the solver's rounds over the baseline's, stops served by each, and the seconds the solve took. */
  public record Outcome(double distanceRatio, int served, int baselineServed, double seconds) {}

  public static Outcome solve(int stops, int couriers, int capacity, Duration timeBox) {
    List<CourierRound> rounds = new ArrayList<>();
    for (int i = 0; i < couriers; i++) {
      rounds.add(new CourierRound("courier" + i, capacity, 8 * 60, 17 * 60, 45.75, 4.85, 50, 10));
    }
    long start = System.nanoTime();
    RoundsProblem solved = new RoundSolver(RoundSolverTest.properties(timeBox))
        .solve(new RoundsProblem(rounds, RoundSolverTest.stops(stops, new Random(7))));
    double seconds = (System.nanoTime() - start) / 1e9;
    double meters = solved.rounds().stream().mapToDouble(CourierRound::meters).sum();
    int served = solved.rounds().stream().mapToInt(round -> round.stops().size()).sum();
    NearestNeighbourRounds.Outcome baseline = NearestNeighbourRounds.plan(45.75, 4.85,
        RoundSolverTest.stops(stops, new Random(7)), couriers, capacity, 9 * 60, 50, 10);
    return new Outcome(meters / baseline.meters(), served, baseline.served(), seconds);
  }
}
