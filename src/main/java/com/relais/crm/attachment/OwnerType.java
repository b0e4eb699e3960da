package com.relais.crm.attachment;

/** What an attachment belongs to: exactly one customer, deal or exchange. */
public enum OwnerType {
  CUSTOMER, OPPORTUNITY, COMMUNICATION
}
