package com.relais.crm.routing;

import ai.timefold.solver.core.api.domain.entity.PlanningEntity;
import ai.timefold.solver.core.api.domain.lookup.PlanningId;
import ai.timefold.solver.core.api.domain.variable.InverseRelationShadowVariable;

/**
 * A stop of the day as the solver sees it: a delivery's place (with its index in the plan's distance matrix) and
 * parcels. An element of a courier's list; the
 * solver keeps {@link #round} (the inverse of the list variable) up to date, null while the stop is on no round.
 * Fields are read and written by Timefold through reflection (the classes stay package-private).
 */
@PlanningEntity
class RoundStop {
  @PlanningId
  private Long opportunityId;
  private Place place;
  private int parcels;

  @InverseRelationShadowVariable(sourceVariableName = "stops")
  private CourierRound round;

  /** For the solver's planning clone. */
  RoundStop() {}

  RoundStop(long opportunityId, Place place, int parcels) {
    this.opportunityId = opportunityId;
    this.place = place;
    this.parcels = parcels;
  }

  long opportunityId() {
    return opportunityId;
  }

  Place place() {
    return place;
  }

  double latitude() {
    return place.latitude();
  }

  double longitude() {
    return place.longitude();
  }

  int parcels() {
    return parcels;
  }

  /** For a starting solution made before the solver runs; the solver keeps it up to date afterwards. */
  void placeOn(CourierRound round) {
    this.round = round;
  }

  CourierRound round() {
    return round;
  }
}
