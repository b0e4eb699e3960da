package com.relais.crm.notification;

import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.springframework.util.function.SingletonSupplier;

/**
 * Something people may be told about, as the notifications see it whatever module it came from: its kind, the
 * customer and deal it concerns, who did it (never told of their own act), the merge fields of its texts, who is
 * told without following anything (a deal's owner, a task's assignee), and who may read the record at all.
 *
 * <p>The merge fields are read when first asked for, and once: many events of a deal tell nobody (the owner's own
 * steps, nobody following), and for those the deal's and customer's records are not read at all.
 */
record Happening(EventKind kind, Long customerId, Long opportunityId, String actor,
    Supplier<Map<String, Object>> fields, Set<String> toldAnyway, Predicate<String> readableBy, String dedupeKey) {

  /** Whoever builds one hands a plain supplier; it is asked once here, whichever channel asks first. */
  Happening {
    fields = SingletonSupplier.of(fields);
  }
}
