package com.relais.crm;

import org.camunda.bpm.engine.IdentityService;

/** A member of staff of a test's own in the engine's user store, password = id, in one group. */
public final class StaffForTests {
  private StaffForTests() {}

  public static void user(IdentityService identityService, String id, String group) {
    user(identityService, id, group, null);
  }

  public static void user(IdentityService identityService, String id, String group, String email) {
    var user = identityService.newUser(id);
    user.setFirstName(id);
    user.setLastName("Tester");
    user.setPassword(id);
    user.setEmail(email);
    identityService.saveUser(user);
    identityService.createMembership(id, group);
  }
}
