package com.relais.crm.routing;

import java.util.ArrayList;
import java.util.List;

/**
 * The rounds a dispatcher would draw by hand, as the solver's starting point: each courier in turn leaves the depot
 * for the nearest stop not yet on a round (by the plan's distances: by road when a routing service gave them), then
 * the nearest from there, as long as the van has room and the shift has time to come back. Timefold's own first fit
 * puts stops in the order they come, which for a few hundred stops leaves the search far from good rounds when its
 * time box ends; from here it can only improve (its best solution is never worse than where it starts). Stops that
 * fit nowhere stay off the rounds for the solver to try.
 */
final class NearestNeighbourStart {
  private NearestNeighbourStart() {}

  static RoundsProblem of(RoundsProblem problem) {
    List<RoundStop> left = new ArrayList<>(problem.stops());
    for (CourierRound round : problem.rounds()) {
      round.stops().clear();
      Place at = round.depot();
      while (!left.isEmpty()) {
        RoundStop nearest = nearest(left, at, round.distances());
        round.stops().add(nearest);
        if (!round.feasible()) {
          round.stops().remove(round.stops().size() - 1);
          break;
        }
        nearest.placeOn(round);
        left.remove(nearest);
        at = nearest.place();
      }
    }
    left.forEach(stop -> stop.placeOn(null));
    return problem;
  }

  /** The metres the starting rounds drive, for comparing the solver's result with it. */
  static double meters(RoundsProblem problem) {
    return problem.rounds().stream().mapToDouble(CourierRound::meters).sum();
  }

  private static RoundStop nearest(List<RoundStop> stops, Place from, Distances distances) {
    RoundStop nearest = null;
    double best = Double.MAX_VALUE;
    for (RoundStop stop : stops) {
      double meters = distances.meters(from, stop.place());
      if (meters < best) {
        best = meters;
        nearest = stop;
      }
    }
    return nearest;
  }
}
