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
    long start = System.nanoTime();
    RoundsProblem solved = new RoundSolver(RoundSolverTest.properties(timeBox))
        .solve(new RoundsProblem(rounds(couriers, capacity), RoundSolverTest.stops(stops, new Random(7))));
    double seconds = (System.nanoTime() - start) / 1e9;
    RoundsProblem byHand = NearestNeighbourStart.of(
        new RoundsProblem(rounds(couriers, capacity), RoundSolverTest.stops(stops, new Random(7))));
    return new Outcome(NearestNeighbourStart.meters(solved) / NearestNeighbourStart.meters(byHand), served(solved),
        served(byHand), seconds);
  }

  private static List<CourierRound> rounds(int couriers, int capacity) {
    List<CourierRound> rounds = new ArrayList<>();
    for (int i = 0; i < couriers; i++) {
      rounds.add(new CourierRound("courier" + i, capacity, 8 * 60, 17 * 60, RoundSolverTest.DEPOT,
          new GreatCircleDistances(50), 10));
    }
    return rounds;
  }

  private static int served(RoundsProblem problem) {
    return problem.rounds().stream().mapToInt(round -> round.stops().size()).sum();
  }
}
