package com.relais.crm.platform;

/** An id that names nothing the caller may see; answered with 404. */
public class NotFoundException extends RuntimeException {
  private final String publicMessage;

  public NotFoundException(String what, Object id) {
    super(what + " " + id + " does not exist");
    this.publicMessage = getMessage();
  }

  /**
   * For a thing that is missing in another way than an unknown id: the caller reads {@code publicMessage}, the log
   * the {@code detail} (which may name internals such as a storage key).
   */
  protected NotFoundException(String publicMessage, String detail) {
    super(detail);
    this.publicMessage = publicMessage;
  }

  public String publicMessage() {
    return publicMessage;
  }
}
