package com.relais.crm.messaging;

/**
 * One message to send: to an e-mail address or an E.164 phone number. {@code purpose} says where it comes from
 * (for the admins' outbox list); {@code dedupeKey}, when given, makes a second message with the same key a no-op,
 * so a retried step never queues the same message twice.
 */
public record OutgoingMessage(Channel channel, String recipient, String subject, String body, String purpose,
    String dedupeKey) {

  public OutgoingMessage {
    if (channel == null || recipient == null || recipient.isBlank() || body == null || purpose == null) {
      throw new IllegalArgumentException("A message needs a channel, a recipient, a body and a purpose");
    }
  }
}
