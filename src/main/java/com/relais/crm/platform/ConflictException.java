package com.relais.crm.platform;

/** A request that is well-formed but clashes with the current state (a deal already won, a duplicate); answered with 409. */
public class ConflictException extends RuntimeException {
  public ConflictException(String message) {
    super(message);
  }
}
