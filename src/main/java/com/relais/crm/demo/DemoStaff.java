package com.relais.crm.demo;

import com.relais.crm.identity.StaffGroups;
import java.util.Map;

/**
 * The demo users the seed acts as (README, "Demo logins"; identity's DemoData creates them before the application is
 * ready), and who of them works a task offered to a group, as a person would pick it up in Tasklist.
 */
final class DemoStaff {
  static final String SALES = "sales";
  static final String SALES2 = "sales2";
  static final String MANAGER = "manager";
  static final String LOGISTICS = "logistics";
  static final String FINANCE = "finance";
  static final String SUPPORT = "support";

  private static final Map<String, String> WORKER_OF_GROUP = Map.of(
      StaffGroups.LOGISTICS, LOGISTICS,
      StaffGroups.FINANCE, FINANCE,
      StaffGroups.SUPPORT, SUPPORT,
      StaffGroups.MANAGERS, MANAGER,
      StaffGroups.COURIERS, "courier");

  private DemoStaff() {}

  /** A sales task goes to the deal's own salesperson, so the stage history shows who owns which deal. */
  static String workerOf(String group, String salesperson) {
    if (StaffGroups.SALES.equals(group)) {
      return salesperson;
    }
    return WORKER_OF_GROUP.get(group);
  }
}
