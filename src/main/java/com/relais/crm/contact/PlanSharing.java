package com.relais.crm.contact;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Shares a day's customers out among the members of each team, most urgent first: to the person the customer
 * belongs with (the one who promised a call-back, the account manager) while they have room, else to the least
 * loaded member of that person's team, else (a customer nobody in a team looks after) to the least loaded member of
 * the team with the most room. Nobody gets more than the daily cap; who does not fit waits for a later day, when
 * the table picks them again. Pure: the same lists give the same shares.
 */
final class PlanSharing {

  /** A customer the table picked; {@code preferred} is who should contact them if they can. */
  record Candidate(long customerId, String customerName, int priority, String reason, String preferred,
      int daysWithoutContact, Long followUpId) {}

  record Share(Candidate candidate, String assignee, long teamId) {}

  record Result(List<Share> shares, int leftOver) {}

  /** Most urgent first; among equals the longest without contact, then the oldest customer. */
  static final Comparator<Candidate> URGENCY = Comparator.comparingInt(Candidate::priority).reversed()
      .thenComparing(Comparator.comparingInt(Candidate::daysWithoutContact).reversed())
      .thenComparingLong(Candidate::customerId);

  private final int cap;
  /** Team id to the members who take contacts, by name so that ties break the same way each time. */
  private final Map<Long, List<String>> contactTakers = new TreeMap<>();
  /** Everyone in a team, managers included, to their team. */
  private final Map<String, Long> teamOf;
  private final Map<String, Integer> load = new HashMap<>();

  PlanSharing(int cap, Map<Long, List<String>> contactTakersByTeam, Map<String, Long> teamOf) {
    this.cap = cap;
    contactTakersByTeam.forEach((team, members) -> {
      if (!members.isEmpty()) {
        contactTakers.put(team, members.stream().sorted().toList());
      }
    });
    this.teamOf = teamOf;
    contactTakers.values().forEach(members -> members.forEach(m -> load.put(m, 0)));
  }

  Result share(List<Candidate> candidates) {
    List<Candidate> ordered = new ArrayList<>(candidates);
    ordered.sort(URGENCY);
    int capacity = load.size() * cap;
    List<Share> shares = new ArrayList<>();
    for (Candidate candidate : ordered) {
      if (shares.size() == capacity) {
        break;
      }
      String preferred = candidate.preferred();
      String assignee = null;
      Long team = null;
      if (preferred != null && load.containsKey(preferred) && load.get(preferred) < cap) {
        assignee = preferred;
        team = teamOf.get(preferred);
      } else {
        team = preferred == null ? null : teamOf.get(preferred);
        if (team == null || !contactTakers.containsKey(team)) {
          team = roomiestTeam();
        }
        assignee = team == null ? null : leastLoaded(contactTakers.get(team));
      }
      if (assignee != null) {
        load.merge(assignee, 1, Integer::sum);
        shares.add(new Share(candidate, assignee, team));
      }
    }
    return new Result(shares, ordered.size() - shares.size());
  }

  private String leastLoaded(List<String> members) {
    String least = null;
    for (String member : members) {
      int taken = load.get(member);
      if (taken < cap && (least == null || taken < load.get(least))) {
        least = member;
      }
    }
    return least;
  }

  private Long roomiestTeam() {
    Long roomiest = null;
    int most = 0;
    for (var team : contactTakers.entrySet()) {
      int room = team.getValue().stream().mapToInt(m -> cap - load.get(m)).sum();
      if (room > most) {
        most = room;
        roomiest = team.getKey();
      }
    }
    return roomiest;
  }
}
