package com.relais.crm.bench;

import java.util.Arrays;
import java.util.concurrent.ConcurrentLinkedQueue;

/** Latencies in nanoseconds, collected from many threads; percentiles in milliseconds. */
final class Stats {
  private final ConcurrentLinkedQueue<Long> samples = new ConcurrentLinkedQueue<>();

  void add(long nanos) {
    samples.add(nanos);
  }

  int count() {
    return samples.size();
  }

  double percentileMs(double p) {
    long[] sorted = samples.stream().mapToLong(Long::longValue).sorted().toArray();
    if (sorted.length == 0) {
      return Double.NaN;
    }
    int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
  }

  /**
   * The percentile of each of {@code slices} consecutive parts of equal size, in the order the samples were added
   * (their completion order): the spread of one run over its own course, for a scenario that runs once (B). An
   * empty list when there are fewer samples than 100 per slice, too few for a 99th percentile to mean anything.
   */
  java.util.List<Double> percentileMsBySlice(double p, int slices) {
    long[] inOrder = samples.stream().mapToLong(Long::longValue).toArray();
    java.util.List<Double> result = new java.util.ArrayList<>();
    if (slices < 1 || inOrder.length < 100L * slices) {
      return result;
    }
    for (int slice = 0; slice < slices; slice++) {
      int from = (int) ((long) inOrder.length * slice / slices);
      int to = (int) ((long) inOrder.length * (slice + 1) / slices);
      result.add(percentileMs(Arrays.copyOfRange(inOrder, from, to), p));
    }
    return result;
  }

  static double percentileMs(long[] nanos, double p) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
  }
}
