package com.relais.crm.identity;

import java.util.List;

/** The demo users and groups of CONTRACT.md; their password is their user id, so they exist only in the demo. */
final class DemoUsers {
  static final String SALES = "sales";
  static final String LOGISTICS = "logistics";
  static final String FINANCE = "finance";
  static final String SUPPORT = "support";
  static final String MANAGERS = "managers";

  /** The groups whose members work tasks in Tasklist. */
  static final List<String> STAFF_GROUPS = List.of(SALES, LOGISTICS, FINANCE, SUPPORT, MANAGERS);

  record DemoUser(String id, String firstName, String lastName, List<String> groups) {}

  static final List<DemoUser> USERS = List.of(
      new DemoUser("admin", "Ada", "Admin", List.of(CurrentUser.ADMIN_GROUP)),
      new DemoUser("sales", "Sam", "Seller", List.of(SALES)),
      new DemoUser("logistics", "Lou", "Carrier", List.of(LOGISTICS)),
      new DemoUser("finance", "Fay", "Ledger", List.of(FINANCE)),
      new DemoUser("support", "Sue", "Helper", List.of(SUPPORT)),
      new DemoUser("manager", "Max", "Manager", List.of(MANAGERS, SALES)));

  private DemoUsers() {}
}
