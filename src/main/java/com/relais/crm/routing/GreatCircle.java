package com.relais.crm.routing;

/** Distances on the Earth's surface between two points in WGS 84 degrees (haversine, mean radius). */
final class GreatCircle {
  private static final double EARTH_RADIUS_METERS = 6_371_008.8;

  private GreatCircle() {}

  static double meters(double fromLatitude, double fromLongitude, double toLatitude, double toLongitude) {
    double phi1 = Math.toRadians(fromLatitude);
    double phi2 = Math.toRadians(toLatitude);
    double dPhi = phi2 - phi1;
    double dLambda = Math.toRadians(toLongitude - fromLongitude);
    double a = Math.sin(dPhi / 2) * Math.sin(dPhi / 2)
        + Math.cos(phi1) * Math.cos(phi2) * Math.sin(dLambda / 2) * Math.sin(dLambda / 2);
    return 2 * EARTH_RADIUS_METERS * Math.asin(Math.min(1, Math.sqrt(a)));
  }
}
