package com.relais.crm.customer;

/** Where a customer stands with us; drives lists, campaigns and the contact plan. */
public enum CustomerCategory {
  PROSPECT, CUSTOMER, KEY_ACCOUNT, PARTNER, INACTIVE
}
