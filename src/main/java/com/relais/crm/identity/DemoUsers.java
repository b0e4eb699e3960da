package com.relais.crm.identity;

import java.util.List;

/**
 * The demo users and their groups (README, demo logins); their password is their user id, so they exist only in
 * the demo.
 */
final class DemoUsers {
  record DemoUser(String id, String firstName, String lastName, List<String> groups) {}

  static final List<DemoUser> USERS = List.of(
      new DemoUser("admin", "Ada", "Admin", List.of(StaffGroups.ADMIN)),
      new DemoUser("sales", "Sam", "Seller", List.of(StaffGroups.SALES)),
      new DemoUser("logistics", "Lou", "Carrier", List.of(StaffGroups.LOGISTICS)),
      new DemoUser("finance", "Fay", "Ledger", List.of(StaffGroups.FINANCE)),
      new DemoUser("support", "Sue", "Helper", List.of(StaffGroups.SUPPORT)),
      new DemoUser("manager", "Max", "Manager", List.of(StaffGroups.MANAGERS, StaffGroups.SALES)),
      new DemoUser("sales2", "Sasha", "Seller", List.of(StaffGroups.SALES)),
      new DemoUser("courier", "Cory", "Courier", List.of(StaffGroups.COURIERS)));

  private DemoUsers() {}
}
