package com.relais.crm.routing;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import ai.timefold.solver.core.api.score.stream.Constraint;
import ai.timefold.solver.core.api.score.stream.ConstraintFactory;
import ai.timefold.solver.core.api.score.stream.ConstraintProvider;

/**
 * The rules of a good round. Public only because Timefold makes it with {@code getDeclaredConstructor().newInstance()}
 * from its own package (ConfigUtils), which a package-private class would refuse; nothing else uses it.
 */
public class RoundConstraints implements ConstraintProvider {
  public RoundConstraints() {}

  @Override
  public Constraint[] defineConstraints(ConstraintFactory factory) {
    return new Constraint[] {
        factory.forEach(CourierRound.class)
            .filter(round -> round.excessParcels() > 0)
            .penalizeLong(HardMediumSoftLongScore.ONE_HARD, CourierRound::excessParcels)
            .asConstraint("Van capacity"),
        factory.forEach(CourierRound.class)
            .filter(round -> round.minutesPastShiftEnd() > 0)
            .penalizeLong(HardMediumSoftLongScore.ONE_HARD, CourierRound::minutesPastShiftEnd)
            .asConstraint("Back before the shift ends"),
        factory.forEachIncludingUnassigned(RoundStop.class)
            .filter(stop -> stop.round() == null)
            .penalizeLong(HardMediumSoftLongScore.ONE_MEDIUM, stop -> 1L)
            .asConstraint("Stop on no round"),
        factory.forEach(CourierRound.class)
            .penalizeLong(HardMediumSoftLongScore.ONE_SOFT, round -> Math.round(round.meters()))
            .asConstraint("Distance driven")};
  }
}
