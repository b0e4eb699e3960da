package com.relais.crm.messaging;

/**
 * An SMS could not be handed to the SMSC: it could not be reached, did not answer in time, or refused the bind or
 * the message. The outbox records it as a failed attempt and tries again later; the text itself was fine (a bad phone
 * number or text is an {@link IllegalArgumentException} instead, as trying again would not help).
 */
public class SmsUnavailableException extends RuntimeException {
  SmsUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
