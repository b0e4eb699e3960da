package com.relais.crm.demo;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** What one run of the seed created, for its log line (and the test); {@link #NOTHING} when data was there. */
record SeedSummary(int customers, int exchanges, int files, Map<Milestone, List<Long>> deals, int dealsStopped) {
  static final SeedSummary NOTHING = new SeedSummary(0, 0, 0, Map.of(), 0);

  boolean createdNothing() {
    return customers == 0 && exchanges == 0 && files == 0 && deals.isEmpty() && dealsStopped == 0;
  }

  /** The deals that reached this milestone. */
  List<Long> dealsAt(Milestone milestone) {
    return deals.getOrDefault(milestone, List.of());
  }

  @Override
  public String toString() {
    int dealCount = deals.values().stream().mapToInt(List::size).sum() + dealsStopped;
    String byMilestone = deals.entrySet().stream()
        .map(entry -> entry.getValue().size() + " " + entry.getKey().label())
        .collect(Collectors.joining(", "));
    return customers + " customers, " + exchanges + " exchanges, " + files + " files, " + dealCount + " deals ("
        + byMilestone + (dealsStopped == 0 ? "" : "; " + dealsStopped + " stopped short, see the warnings above")
        + ")";
  }
}
