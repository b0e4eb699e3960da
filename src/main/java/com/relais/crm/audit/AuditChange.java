package com.relais.crm.audit;

import java.time.Instant;

/** One field of one record changed by one person: {@code from} is null for a new record, {@code to} for a removed one. */
public record AuditChange(long id, Instant at, String by, String entity, String entityId, String field, String from,
    String to) {}
