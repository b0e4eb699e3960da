package com.relais.crm.messaging;

import java.time.Instant;

/** A message in the outbox as the admins see it. */
public record OutboxEntry(long id, Channel channel, String recipient, String subject, String purpose,
    OutboxStatus status, int attempts, Instant nextAttemptAt, String lastError, Instant createdAt, Instant sentAt) {}
