package com.relais.crm.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.junit.jupiter.api.Test;

/**
 * A membership changed in the Admin webapp reaches the checks made on someone's behalf (may this person told of an
 * event read its deal?) with the delay it has for that person's own requests: the login window
 * ({@code relais.login.remember-for}), and at once when that window is zero. {@code groupsOf} always reads now.
 */
class StaffDirectoryTest {
  private final IdentityService engine = mock(IdentityService.class, RETURNS_DEEP_STUBS);

  private StaffDirectory directory(Duration loginRememberedFor) {
    return new StaffDirectory(engine, null,
        new IdentityProperties(null, null, null, new IdentityProperties.Login(loginRememberedFor)));
  }

  private void memberOf(String... groups) {
    List<Group> found = java.util.Arrays.stream(groups).map(id -> {
      Group group = mock(Group.class);
      when(group.getId()).thenReturn(id);
      return group;
    }).toList();
    when(engine.createGroupQuery().groupMember("ana").list()).thenReturn(found);
  }

  @Test
  void aMembershipRemovedStillCountsForTheGroupsAsLoggedInWithinTheLoginWindowButNotForGroupsOf() {
    StaffDirectory staff = directory(Duration.ofMinutes(1));
    memberOf("sales", "managers");
    assertThat(staff.groupsAsLoggedIn("ana")).containsExactlyInAnyOrder("sales", "managers");

    memberOf("sales");

    assertThat(staff.groupsOf("ana")).containsExactly("sales");
    assertThat(staff.groupsAsLoggedIn("ana")).as("as her login still has them, within the window")
        .containsExactlyInAnyOrder("sales", "managers");
  }

  @Test
  void aMembershipRemovedCountsForTheGroupsAsLoggedInOnceTheLoginWindowHasPassed() throws InterruptedException {
    StaffDirectory staff = directory(Duration.ofMillis(100));
    memberOf("sales", "managers");
    assertThat(staff.groupsAsLoggedIn("ana")).containsExactlyInAnyOrder("sales", "managers");

    memberOf("sales");
    Thread.sleep(250);

    assertThat(staff.groupsAsLoggedIn("ana")).containsExactly("sales");
  }

  @Test
  void withoutALoginWindowTheGroupsAsLoggedInAreReadEveryTime() {
    StaffDirectory staff = directory(Duration.ZERO);
    memberOf("sales", "managers");
    assertThat(staff.groupsAsLoggedIn("ana")).containsExactlyInAnyOrder("sales", "managers");

    memberOf("sales");

    assertThat(staff.groupsAsLoggedIn("ana")).containsExactly("sales");
  }
}
