package com.relais.crm.communication;

/** Where an exchange stands; planned and in-progress ones feed the planned-versus-done report. */
public enum CommunicationStatus {
  PLANNED, IN_PROGRESS, DONE, CANCELLED
}
