package com.relais.crm.identity;

import java.util.List;
import java.util.Set;

/**
 * The engine groups the CRM's rules name, and the {@code @PreAuthorize} expressions built from them. The diagrams
 * name the same groups as candidate groups; a group renamed here must be renamed there (processes/*.bpmn).
 */
public final class StaffGroups {
  public static final String ADMIN = "camunda-admin";
  public static final String SALES = "sales";
  public static final String MANAGERS = "managers";
  public static final String LOGISTICS = "logistics";
  public static final String FINANCE = "finance";
  public static final String SUPPORT = "support";
  public static final String COURIERS = "couriers";

  /** The groups whose members work tasks in Tasklist. */
  public static final List<String> STAFF = List.of(SALES, LOGISTICS, FINANCE, SUPPORT, MANAGERS, COURIERS);

  /** Who may read every deal, its customer and its exchanges, without a task on it. */
  public static final Set<String> SALES_SIDE = Set.of(SALES, MANAGERS, ADMIN);

  private static final String PREFIX = "'" + CurrentUser.GROUP_PREFIX;

  /** {@code @PreAuthorize}: sales, managers and admins. */
  public static final String SALES_SIDE_ONLY =
      "hasAnyAuthority(" + PREFIX + SALES + "', " + PREFIX + MANAGERS + "', " + PREFIX + ADMIN + "')";
  /** {@code @PreAuthorize}: logistics, managers and admins. */
  public static final String LOGISTICS_SIDE_ONLY =
      "hasAnyAuthority(" + PREFIX + LOGISTICS + "', " + PREFIX + MANAGERS + "', " + PREFIX + ADMIN + "')";
  /** {@code @PreAuthorize}: managers and admins. */
  public static final String MANAGERS_ONLY = "hasAnyAuthority(" + PREFIX + MANAGERS + "', " + PREFIX + ADMIN + "')";
  /** {@code @PreAuthorize}: admins only. */
  public static final String ADMINS_ONLY = "hasAuthority(" + PREFIX + ADMIN + "')";

  private StaffGroups() {}
}
