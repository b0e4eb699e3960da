package com.relais.crm.routing;

/** As the crow flies, driven at an average speed: what the rounds use without a routing service, or when it fails. */
final class GreatCircleDistances implements Distances {
  private final double speedKmh;
  private final double metersPerMinute;

  GreatCircleDistances(double speedKmh) {
    if (!(speedKmh > 0)) {
      throw new IllegalArgumentException("the average speed must be above 0 km/h");
    }
    this.speedKmh = speedKmh;
    this.metersPerMinute = speedKmh * 1000 / 60;
  }

  double speedKmh() {
    return speedKmh;
  }

  @Override
  public double meters(Place from, Place to) {
    return GreatCircle.meters(from.latitude(), from.longitude(), to.latitude(), to.longitude());
  }

  @Override
  public double minutes(Place from, Place to) {
    return meters(from, to) / metersPerMinute;
  }
}
