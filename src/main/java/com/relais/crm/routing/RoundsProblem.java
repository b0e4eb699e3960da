package com.relais.crm.routing;

import ai.timefold.solver.core.api.domain.solution.PlanningEntityCollectionProperty;
import ai.timefold.solver.core.api.domain.solution.PlanningScore;
import ai.timefold.solver.core.api.domain.solution.PlanningSolution;
import ai.timefold.solver.core.api.domain.valuerange.ValueRangeProvider;
import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import java.util.List;

/**
 * The day's vehicle routing problem: the couriers' rounds and the stops that may go on them. Score: hard = parcels
 * over capacity plus minutes past a shift's end, medium = stops left on no round, soft = metres driven.
 */
@PlanningSolution
class RoundsProblem {
  @PlanningEntityCollectionProperty
  private List<CourierRound> rounds;

  @PlanningEntityCollectionProperty
  @ValueRangeProvider
  private List<RoundStop> stops;

  @PlanningScore
  private HardMediumSoftLongScore score;

  /** For the solver's planning clone. */
  RoundsProblem() {}

  RoundsProblem(List<CourierRound> rounds, List<RoundStop> stops) {
    this.rounds = rounds;
    this.stops = stops;
  }

  List<CourierRound> rounds() {
    return rounds;
  }

  List<RoundStop> stops() {
    return stops;
  }

  HardMediumSoftLongScore score() {
    return score;
  }
}
