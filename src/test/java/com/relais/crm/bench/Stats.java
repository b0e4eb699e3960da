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

  static double percentileMs(long[] nanos, double p) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
  }
}
