package com.relais.crm.routing;

import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.config.solver.SolverConfig;
import org.springframework.stereotype.Component;

/**
 * Timefold Solver set up once for the rounds (its factory is thread-safe; each solve builds its own solver). Each
 * solve starts from nearest-neighbour rounds ({@link NearestNeighbourStart}), runs for the time box of
 * relais.routing.solve-time-limit, then returns the best rounds found.
 */
@Component
class RoundSolver {
  private final SolverFactory<RoundsProblem> factory;

  RoundSolver(RoutingProperties properties) {
    this.factory = SolverFactory.create(new SolverConfig()
        .withSolutionClass(RoundsProblem.class)
        .withEntityClasses(CourierRound.class, RoundStop.class)
        .withConstraintProviderClass(RoundConstraints.class)
        .withTerminationSpentLimit(properties.solveTimeLimit()));
  }

  RoundsProblem solve(RoundsProblem problem) {
    if (problem.stops().isEmpty() || problem.rounds().isEmpty()) {
      return problem;
    }
    return factory.buildSolver().solve(NearestNeighbourStart.of(problem));
  }
}
