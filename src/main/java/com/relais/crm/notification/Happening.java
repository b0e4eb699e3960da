package com.relais.crm.notification;

import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Something people may be told about, as the notifications see it whatever module it came from: its kind, the
 * customer and deal it concerns, who did it (never told of their own act), the merge fields of its texts, who is
 * told without following anything (a deal's owner, a task's assignee), and who may read the record at all.
 */
record Happening(EventKind kind, Long customerId, Long opportunityId, String actor, Map<String, Object> fields,
    Set<String> toldAnyway, Predicate<String> readableBy, String dedupeKey) {}
