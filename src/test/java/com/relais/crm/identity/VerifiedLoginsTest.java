package com.relais.crm.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.junit.jupiter.api.Test;

/** Remembered logins save the engine's identity tables work, but never let a wrong password in. */
class VerifiedLoginsTest {
  private final IdentityService engine = mock(IdentityService.class, RETURNS_DEEP_STUBS);

  private VerifiedLogins remembering(Duration rememberFor) {
    Group sales = mock(Group.class);
    when(sales.getId()).thenReturn("sales");
    when(engine.createGroupQuery().groupMember(anyString()).list()).thenReturn(List.of(sales));
    when(engine.createTenantQuery().userMember(anyString()).includingGroupsOfUser(true).list()).thenReturn(List.of());
    var properties = new IdentityProperties(null, null, null, new IdentityProperties.Login(rememberFor));
    return new VerifiedLogins(engine, new StaffDirectory(engine, null, properties), properties);
  }

  @Test
  void aRightPasswordIsCheckedByTheEngineOnceWhileRemembered() {
    VerifiedLogins logins = remembering(Duration.ofMinutes(1));
    when(engine.checkPassword("ana", "right-password")).thenReturn(true);

    var first = logins.check("ana", "right-password");
    var second = logins.check("ana", "right-password");

    assertThat(first).hasValueSatisfying(login -> assertThat(login.groups()).containsExactly("sales"));
    assertThat(second).isEqualTo(first);
    verify(engine, times(1)).checkPassword("ana", "right-password");
  }

  @Test
  void aWrongPasswordIsRefusedEveryTimeEvenRightAfterTheRightOne() {
    VerifiedLogins logins = remembering(Duration.ofMinutes(1));
    when(engine.checkPassword("ana", "right-password")).thenReturn(true);
    when(engine.checkPassword("ana", "guess")).thenReturn(false);

    assertThat(logins.check("ana", "right-password")).isPresent();
    assertThat(logins.check("ana", "guess")).isEmpty();
    assertThat(logins.check("ana", "guess")).isEmpty();

    // every wrong attempt reaches the engine, so its login throttling counts it
    verify(engine, times(2)).checkPassword("ana", "guess");
    assertThat(logins.size()).isEqualTo(1);
  }

  @Test
  void theSamePasswordOfAnotherUserIsNotTheRememberedLogin() {
    VerifiedLogins logins = remembering(Duration.ofMinutes(1));
    when(engine.checkPassword("ana", "shared-secret")).thenReturn(true);
    when(engine.checkPassword("bob", "shared-secret")).thenReturn(false);

    assertThat(logins.check("ana", "shared-secret")).isPresent();
    assertThat(logins.check("bob", "shared-secret")).isEmpty();
  }

  @Test
  void afterTheRememberedTimeTheEngineIsAskedAgain() throws InterruptedException {
    VerifiedLogins logins = remembering(Duration.ofMillis(50));
    when(engine.checkPassword("ana", "right-password")).thenReturn(true, false);

    assertThat(logins.check("ana", "right-password")).isPresent();
    Thread.sleep(120);
    // meanwhile the password was changed in the Admin webapp
    assertThat(logins.check("ana", "right-password")).isEmpty();
    verify(engine, times(2)).checkPassword("ana", "right-password");
  }

  @Test
  void zeroRemembersNothing() {
    VerifiedLogins logins = remembering(Duration.ZERO);
    when(engine.checkPassword("ana", "right-password")).thenReturn(true);

    logins.check("ana", "right-password");
    logins.check("ana", "right-password");

    verify(engine, times(2)).checkPassword("ana", "right-password");
    assertThat(logins.size()).isZero();
  }

  @Test
  void missingCredentialsAreRefusedWithoutAskingTheEngine() {
    VerifiedLogins logins = remembering(Duration.ofMinutes(1));
    assertThat(logins.check(null, "x")).isEmpty();
    assertThat(logins.check(" ", "x")).isEmpty();
    assertThat(logins.check("ana", null)).isEmpty();
    verify(engine, times(0)).checkPassword(anyString(), anyString());
  }
}
