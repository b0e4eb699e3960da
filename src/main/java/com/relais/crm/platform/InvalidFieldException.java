package com.relais.crm.platform;

/** A value that passes bean validation but breaks a business rule; answered with 400 naming the field. */
public class InvalidFieldException extends RuntimeException {
  private final String field;

  public InvalidFieldException(String field, String message) {
    super(message);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
