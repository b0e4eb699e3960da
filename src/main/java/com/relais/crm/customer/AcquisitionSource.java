package com.relais.crm.customer;

/** How the customer first came to us; the marketing reports group by it. */
public enum AcquisitionSource {
  WEBSITE, REFERRAL, TRADE_SHOW, CAMPAIGN, COLD_CALL, PARTNER, IMPORT, OTHER
}
