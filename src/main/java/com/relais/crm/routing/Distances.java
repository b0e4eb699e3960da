package com.relais.crm.routing;

/**
 * Metres and driving minutes from one place of a day's plan to another: great-circle at an average speed
 * ({@link GreatCircleDistances}), or a routing service's matrix by road ({@link MatrixDistances}). The solver's rounds
 * ask only this, so the constraints read the same whichever is used. Implementations are immutable problem facts:
 * Timefold's planning clone copies the reference (neither is a planning entity nor marked for deep cloning), so
 * every clone of a round reads the one matrix.
 */
interface Distances {
  double meters(Place from, Place to);

  double minutes(Place from, Place to);
}
