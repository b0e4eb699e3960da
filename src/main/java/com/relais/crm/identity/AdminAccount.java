package com.relais.crm.identity;

import java.util.Set;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.camunda.bpm.engine.impl.util.EncryptionUtil;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.authorization.Groups;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Outside the demo, the service refuses to start with a guessable password: the first start needs
 * RELAIS_ADMIN_PASSWORD to create {@code admin}, and any account whose password is still its user id
 * (as the demo creates them) stops the start.
 */
@Component
@Order(1)
class AdminAccount implements InitializingBean {
  static final String ADMIN_USER = "admin";
  private static final Logger log = LoggerFactory.getLogger(AdminAccount.class);
  private static final int MIN_LENGTH = 12;
  private static final Set<String> GUESSABLE = Set.of("admin", "password", "changeme", "camunda", "demo", "secret");

  private final IdentityService identityService;
  private final AuthorizationService authorizationService;
  private final IdentityProperties properties;
  private final ProcessEngineConfigurationImpl engineConfiguration;

  AdminAccount(IdentityService identityService, AuthorizationService authorizationService,
      IdentityProperties properties, ProcessEngineConfigurationImpl engineConfiguration) {
    this.engineConfiguration = engineConfiguration;
    this.identityService = identityService;
    this.authorizationService = authorizationService;
    this.properties = properties;
  }

  @Override
  public void afterPropertiesSet() {
    ensureAdminGroup();
    if (properties.demo().enabled()) {
      return; // DemoData creates the accounts with their well-known passwords
    }
    if (identityService.createUserQuery().userId(ADMIN_USER).count() == 0) {
      createAdmin(properties.admin().password());
    }
    refuseDefaultPasswords();
  }

  /** The engine treats no group as admin by itself: camunda-admin gets ALL on every resource, as the Admin webapp does. */
  private void ensureAdminGroup() {
    if (identityService.createGroupQuery().groupId(StaffGroups.ADMIN).count() == 0) {
      Group group = identityService.newGroup(StaffGroups.ADMIN);
      group.setName("Relais CRM administrators");
      group.setType(Groups.GROUP_TYPE_SYSTEM);
      identityService.saveGroup(group);
    }
    for (Resources resource : Resources.values()) {
      boolean granted = authorizationService.createAuthorizationQuery()
          .groupIdIn(StaffGroups.ADMIN).resourceType(resource).resourceId(Authorization.ANY).count() > 0;
      if (!granted) {
        Authorization all = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        all.setGroupId(StaffGroups.ADMIN);
        all.setResource(resource);
        all.setResourceId(Authorization.ANY);
        all.addPermission(Permissions.ALL);
        authorizationService.saveAuthorization(all);
      }
    }
  }

  /**
   * Compares against the stored hash directly. IdentityService.checkPassword would count each miss as a failed
   * login, so every restart would push the real admin towards the engine's permanent lock-out.
   */
  private boolean hasPassword(String userId, String candidate) {
    if (!(identityService.createUserQuery().userId(userId).singleResult() instanceof UserEntity user)
        || user.getPassword() == null) {
      return false;
    }
    return engineConfiguration.getPasswordManager()
        .check(EncryptionUtil.saltPassword(candidate, user.getSalt()), user.getPassword());
  }

  static void requireStrong(String password) {
    if (password == null || password.isBlank()) {
      throw new IllegalStateException("No admin account yet: set RELAIS_ADMIN_PASSWORD (at least " + MIN_LENGTH
          + " characters) for the first start, or run the quick start with the demo profile");
    }
    if (password.length() < MIN_LENGTH || GUESSABLE.contains(password.toLowerCase())) {
      throw new IllegalStateException("RELAIS_ADMIN_PASSWORD is too easy to guess: use at least " + MIN_LENGTH
          + " characters that are not a default password");
    }
  }

  private void createAdmin(String password) {
    requireStrong(password);
    User admin = identityService.newUser(ADMIN_USER);
    admin.setFirstName("Relais");
    admin.setLastName("Administrator");
    admin.setPassword(password);
    identityService.saveUser(admin);
    identityService.createMembership(ADMIN_USER, StaffGroups.ADMIN);
    log.info("Created the admin account from RELAIS_ADMIN_PASSWORD");
  }

  private void refuseDefaultPasswords() {
    for (DemoUsers.DemoUser demoUser : DemoUsers.USERS) {
      if (hasPassword(demoUser.id(), demoUser.id()) || hasPassword(demoUser.id(), "demo")) {
        throw new IllegalStateException("User '" + demoUser.id() + "' still has its demo password; change it in the"
            + " Admin webapp (started with the demo profile) before running without the demo profile");
      }
    }
  }
}
