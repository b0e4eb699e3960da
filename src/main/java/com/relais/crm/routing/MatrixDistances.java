package com.relais.crm.routing;

/**
 * A routing service's answer for one plan: metres and seconds by road from each place to each other, rows and columns
 * in the places' index order (the depot first). Roads are not symmetric (one-way streets), so from-to is read as
 * given. Checked square and complete when made ({@link RoadDistances}); never changed afterwards.
 */
final class MatrixDistances implements Distances {
  private final double[][] meters;
  private final double[][] seconds;

  MatrixDistances(double[][] meters, double[][] seconds) {
    if (meters.length != seconds.length) {
      throw new IllegalArgumentException("the distance and duration matrices differ in size");
    }
    this.meters = meters;
    this.seconds = seconds;
  }

  int size() {
    return meters.length;
  }

  @Override
  public double meters(Place from, Place to) {
    return meters[from.index()][to.index()];
  }

  @Override
  public double minutes(Place from, Place to) {
    return seconds[from.index()][to.index()] / 60;
  }
}
