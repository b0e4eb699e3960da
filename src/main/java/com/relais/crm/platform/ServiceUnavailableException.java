package com.relais.crm.platform;

/**
 * A service the CRM depends on (the file store, a mail server) cannot be reached or refused the call; answered with
 * 503 and the public message, while the exception's own message, with its internal detail, goes to the log.
 */
public class ServiceUnavailableException extends RuntimeException {
  private final String publicMessage;

  public ServiceUnavailableException(String publicMessage, String detail, Throwable cause) {
    super(detail, cause);
    this.publicMessage = publicMessage;
  }

  public String publicMessage() {
    return publicMessage;
  }
}
