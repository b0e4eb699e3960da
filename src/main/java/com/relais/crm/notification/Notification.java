package com.relais.crm.notification;

import java.time.Instant;

/** One message for one user; {@code readAt} is null while unread. */
public record Notification(long id, String userId, String kind, String text, Long opportunityId, Long customerId,
    String link, Instant createdAt, Instant readAt) {}
