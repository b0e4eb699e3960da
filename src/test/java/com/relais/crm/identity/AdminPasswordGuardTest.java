package com.relais.crm.identity;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.relais.crm.HttpTest;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Outside the demo profile the start must stop on a guessable password. Checked against the suite's engine, whose
 * demo accounts still have their demo passwords, exactly the situation of a demo database reused in production.
 */
@HttpTest
class AdminPasswordGuardTest {
  @Autowired IdentityService identityService;
  @Autowired AuthorizationService authorizationService;
  @Autowired org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl engineConfiguration;

  private AdminAccount startingWithoutDemo(String adminPassword) {
    var properties = new IdentityProperties(new IdentityProperties.Demo(false),
        new IdentityProperties.Admin(adminPassword), new IdentityProperties.EngineRest(List.of("*")),
        new IdentityProperties.Login(java.time.Duration.ofSeconds(30)));
    return new AdminAccount(identityService, authorizationService, properties, engineConfiguration);
  }

  @Test
  void aDemoDatabaseWithDemoPasswordsDoesNotStartWithoutTheDemoProfile() {
    assertThatThrownBy(() -> startingWithoutDemo("a-long-and-private-passphrase").afterPropertiesSet())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("still has its demo password");
    // the check must not count as failed logins: the demo users can still log in at once
    org.assertj.core.api.Assertions.assertThat(identityService.checkPassword("admin", "admin")).isTrue();
    org.assertj.core.api.Assertions.assertThat(identityService.checkPassword("sales", "sales")).isTrue();
  }

  @Test
  void aMissingOrGuessableAdminPasswordIsRefused() {
    assertThatThrownBy(() -> AdminAccount.requireStrong("")).hasMessageContaining("RELAIS_ADMIN_PASSWORD");
    assertThatThrownBy(() -> AdminAccount.requireStrong(null)).hasMessageContaining("RELAIS_ADMIN_PASSWORD");
    assertThatThrownBy(() -> AdminAccount.requireStrong("admin")).hasMessageContaining("too easy to guess");
    assertThatThrownBy(() -> AdminAccount.requireStrong("Password")).hasMessageContaining("too easy to guess");
    assertThatThrownBy(() -> AdminAccount.requireStrong("short1!")).hasMessageContaining("too easy to guess");
    assertThatCode(() -> AdminAccount.requireStrong("a-long-and-private-passphrase")).doesNotThrowAnyException();
  }
}
