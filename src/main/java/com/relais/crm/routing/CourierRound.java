package com.relais.crm.routing;

import ai.timefold.solver.core.api.domain.entity.PlanningEntity;
import ai.timefold.solver.core.api.domain.lookup.PlanningId;
import ai.timefold.solver.core.api.domain.variable.PlanningListVariable;
import java.util.ArrayList;
import java.util.List;

/**
 * One courier's round as the solver plans it: the ordered stops (the list variable; a stop may stay on no round),
 * leaving the depot at the shift's start and coming back to it. Distance, load and the time back at the depot are
 * worked out from the list each time the constraints ask, so no shadow variable has to be kept in step with it. The
 * metres and minutes between places come from the plan's {@link Distances} (great-circle or a routing service's
 * matrix), shared by every round and every planning clone.
 */
@PlanningEntity
class CourierRound {
  @PlanningId
  private String courier;
  private int capacity;
  /** Minutes after midnight. */
  private int shiftStart;
  private int shiftEnd;
  private Place depot;
  private Distances distances;
  private int minutesPerStop;

  @PlanningListVariable(allowsUnassignedValues = true)
  private List<RoundStop> stops = new ArrayList<>();

  /** For the solver's planning clone. */
  CourierRound() {}

  CourierRound(String courier, int capacity, int shiftStart, int shiftEnd, Place depot, Distances distances,
      int minutesPerStop) {
    this.courier = courier;
    this.capacity = capacity;
    this.shiftStart = shiftStart;
    this.shiftEnd = shiftEnd;
    this.depot = depot;
    this.distances = distances;
    this.minutesPerStop = minutesPerStop;
  }

  Place depot() {
    return depot;
  }

  Distances distances() {
    return distances;
  }

  /** Whether the round breaks no hard rule: its van holds its parcels and it is back before the shift ends. */
  boolean feasible() {
    return excessParcels() == 0 && minutesPastShiftEnd() == 0;
  }

  String courier() {
    return courier;
  }

  List<RoundStop> stops() {
    return stops;
  }

  int capacity() {
    return capacity;
  }

  int shiftStart() {
    return shiftStart;
  }

  int parcels() {
    int parcels = 0;
    for (RoundStop stop : stops) {
      parcels += stop.parcels();
    }
    return parcels;
  }

  /** Depot, each stop in order, back to the depot. */
  double meters() {
    if (stops.isEmpty()) {
      return 0;
    }
    double meters = 0;
    Place at = depot;
    for (RoundStop stop : stops) {
      meters += distances.meters(at, stop.place());
      at = stop.place();
    }
    return meters + distances.meters(at, depot);
  }

  /** Minutes after midnight at which the courier reaches each stop, in the list's order. */
  List<Double> arrivals() {
    List<Double> arrivals = new ArrayList<>(stops.size());
    double clock = shiftStart;
    Place at = depot;
    for (RoundStop stop : stops) {
      clock += distances.minutes(at, stop.place());
      arrivals.add(clock);
      clock += minutesPerStop;
      at = stop.place();
    }
    return arrivals;
  }

  /** Minutes driving and at the stops, from leaving the depot to coming back. */
  double minutes() {
    if (stops.isEmpty()) {
      return 0;
    }
    double minutes = (double) minutesPerStop * stops.size();
    Place at = depot;
    for (RoundStop stop : stops) {
      minutes += distances.minutes(at, stop.place());
      at = stop.place();
    }
    return minutes + distances.minutes(at, depot);
  }

  /** Parcels above the capacity (a hard constraint). */
  long excessParcels() {
    return Math.max(0, parcels() - capacity);
  }

  /** Whole minutes past the shift's end when back at the depot (a hard constraint). */
  long minutesPastShiftEnd() {
    return Math.max(0, (long) Math.ceil(shiftStart + minutes() - shiftEnd));
  }
}
