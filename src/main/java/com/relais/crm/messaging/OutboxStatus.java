package com.relais.crm.messaging;

/** PENDING until sent; SENDING while a node holds it; SENT; FAILED after the last attempt (an admin may retry). */
public enum OutboxStatus {
  PENDING, SENDING, SENT, FAILED
}
