package com.relais.crm.communication;

/**
 * What a status means whatever an admin calls it: still to do, done, or dropped. Reports of planned versus done
 * work count by outcome, so a new status such as "waiting for the customer" is counted without code changes.
 */
public enum StatusOutcome {
  OPEN, DONE, CANCELLED
}
