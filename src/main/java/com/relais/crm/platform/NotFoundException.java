package com.relais.crm.platform;

/** An id that names nothing the caller may see; answered with 404. */
public class NotFoundException extends RuntimeException {
  public NotFoundException(String what, Object id) {
    super(what + " " + id + " does not exist");
  }
}
