package com.relais.crm.contact;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How a day's customers are shared out: account manager first, then the least loaded, never above the cap. */
class PlanSharingTest {
  private static final long SALES_TEAM = 1;
  private static final long OTHER_TEAM = 2;

  private static PlanSharing sharing(int cap) {
    return new PlanSharing(cap, Map.of(SALES_TEAM, List.of("ann", "bob"), OTHER_TEAM, List.of("cid")),
        Map.of("ann", SALES_TEAM, "bob", SALES_TEAM, "boss", SALES_TEAM, "cid", OTHER_TEAM));
  }

  private static PlanSharing.Candidate candidate(long id, int priority, String preferred) {
    return new PlanSharing.Candidate(id, "Customer " + id, priority, "why", preferred, 10, null);
  }

  @Test
  void theAccountManagerGetsTheirCustomersWhileTheyHaveRoomThenTheirTeamShares() {
    List<PlanSharing.Candidate> annsCustomers = new ArrayList<>();
    for (long id = 1; id <= 5; id++) {
      annsCustomers.add(candidate(id, 50, "ann"));
    }
    var result = sharing(3).share(annsCustomers);

    assertThat(result.shares()).extracting(PlanSharing.Share::assignee)
        .containsExactly("ann", "ann", "ann", "bob", "bob");
    assertThat(result.shares()).allMatch(share -> share.teamId() == SALES_TEAM);
    assertThat(result.leftOver()).isZero();
  }

  @Test
  void nobodyGetsMoreThanTheCapAndTheLeastUrgentWaitForAnotherDay() {
    List<PlanSharing.Candidate> candidates = new ArrayList<>();
    for (long id = 1; id <= 10; id++) {
      candidates.add(candidate(id, (int) id * 10, "ann"));
    }
    var result = sharing(2).share(candidates);

    // ann and bob take two each within their team; cid's team is not theirs
    assertThat(result.shares()).hasSize(4);
    assertThat(result.shares()).extracting(share -> share.candidate().customerId())
        .containsExactly(10L, 9L, 8L, 7L);
    assertThat(result.leftOver()).isEqualTo(6);
  }

  @Test
  void aCustomerNobodyInATeamLooksAfterGoesToTheTeamWithTheMostRoom() {
    var result = sharing(2).share(List.of(candidate(1, 90, "ann"), candidate(2, 90, "ann"),
        candidate(3, 50, "someone-outside"), candidate(4, 40, null)));

    // 3: both teams have room for two, the first by id wins; 4: the other team now has more room
    assertThat(result.shares()).extracting(PlanSharing.Share::assignee).containsExactly("ann", "ann", "bob", "cid");
    var more = sharing(1).share(List.of(candidate(1, 90, "ann"), candidate(2, 80, null), candidate(3, 70, null)));
    assertThat(more.shares()).extracting(PlanSharing.Share::assignee).containsExactly("ann", "bob", "cid");
  }

  @Test
  void theManagersOwnCustomersStayInTheirTeam() {
    var result = sharing(5).share(List.of(candidate(1, 60, "boss")));
    assertThat(result.shares().get(0).teamId()).isEqualTo(SALES_TEAM);
    assertThat(result.shares().get(0).assignee()).isIn("ann", "bob");
  }
}
