package com.relais.crm.routing;

import java.util.ArrayList;
import java.util.List;

/**
 * The baseline a dispatcher would draw by hand: each courier in turn leaves the depot for the nearest stop not yet
 * served, then the nearest from there, as long as the van has room and the shift has time to come back. Used to
 * judge the solver's rounds (they must be shorter) in the tests and in the benchmark.
 */
public final class NearestNeighbourRounds {
  private NearestNeighbourRounds() {}

  /** Total metres driven and stops served by the baseline. */
  public record Outcome(double meters, int served) {}

  static Outcome plan(double depotLatitude, double depotLongitude, List<RoundStop> stops, int couriers, int capacity,
      int shiftMinutes, double speedKmh, int minutesPerStop) {
    double metersPerMinute = speedKmh * 1000 / 60;
    List<RoundStop> left = new ArrayList<>(stops);
    double meters = 0;
    int served = 0;
    for (int courier = 0; courier < couriers && !left.isEmpty(); courier++) {
      double lat = depotLatitude;
      double lon = depotLongitude;
      double minutes = 0;
      int load = 0;
      while (!left.isEmpty()) {
        RoundStop nearest = null;
        double best = Double.MAX_VALUE;
        for (RoundStop stop : left) {
          double d = GreatCircle.meters(lat, lon, stop.latitude(), stop.longitude());
          if (d < best) {
            best = d;
            nearest = stop;
          }
        }
        double back = GreatCircle.meters(nearest.latitude(), nearest.longitude(), depotLatitude, depotLongitude);
        double after = minutes + best / metersPerMinute + minutesPerStop;
        if (load + nearest.parcels() > capacity || after + back / metersPerMinute > shiftMinutes) {
          break;
        }
        meters += best;
        minutes = after;
        load += nearest.parcels();
        lat = nearest.latitude();
        lon = nearest.longitude();
        left.remove(nearest);
        served++;
      }
      meters += GreatCircle.meters(lat, lon, depotLatitude, depotLongitude);
    }
    return new Outcome(meters, served);
  }
}
