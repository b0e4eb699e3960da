package com.relais.crm.customer;

/**
 * The built-in customer categories (codes of the catalogue, {@link CustomerCategories}). The company adds its own
 * through /api/customer-categories; these five are never retired, because the service itself reasons with them: a
 * won deal makes a prospect or an inactive customer a customer.
 */
public final class CustomerCategory {
  public static final String PROSPECT = "PROSPECT";
  public static final String CUSTOMER = "CUSTOMER";
  public static final String KEY_ACCOUNT = "KEY_ACCOUNT";
  public static final String PARTNER = "PARTNER";
  public static final String INACTIVE = "INACTIVE";

  private CustomerCategory() {}
}
