package com.relais.crm.audit;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.hibernate.persister.entity.EntityPersister;
import org.hibernate.type.ComponentType;
import org.hibernate.type.Type;

/**
 * The fields that differ between two states of an entity as Hibernate holds them, as text. An embedded value (a
 * consent) is compared part by part, so the audit says "emailConsent.granted true → false" rather than two opaque
 * objects; collections are left to the records that own them.
 */
final class FieldChanges {
  record Change(String field, String from, String to) {}

  private FieldChanges() {}

  static List<Change> between(EntityPersister persister, Object[] before, Object[] after, Set<String> ignored) {
    List<Change> changes = new ArrayList<>();
    String[] names = persister.getPropertyNames();
    Type[] types = persister.getPropertyTypes();
    for (int i = 0; i < names.length; i++) {
      if (ignored.contains(names[i]) || types[i].isCollectionType()) {
        continue;
      }
      Object from = before == null ? null : before[i];
      Object to = after == null ? null : after[i];
      if (types[i] instanceof ComponentType component) {
        compareParts(names[i], component, from, to, changes);
      } else {
        add(names[i], from, to, changes);
      }
    }
    return changes;
  }

  private static void compareParts(String name, ComponentType component, Object from, Object to,
      List<Change> changes) {
    String[] parts = component.getPropertyNames();
    Object[] fromParts = from == null ? new Object[parts.length] : component.getPropertyValues(from);
    Object[] toParts = to == null ? new Object[parts.length] : component.getPropertyValues(to);
    for (int i = 0; i < parts.length; i++) {
      add(name + "." + parts[i], fromParts[i], toParts[i], changes);
    }
  }

  private static void add(String field, Object from, Object to, List<Change> changes) {
    String before = text(from);
    String after = text(to);
    if (!Objects.equals(before, after)) {
      changes.add(new Change(field, before, after));
    }
  }

  /**
   * A new or removed record as one line, "field: value; ..." of the fields it has: one audit row per record created
   * (an import of 100 000 customers writes 100 000 rows, not a million) that still says what the record held.
   */
  static String summary(EntityPersister persister, Object[] state, Set<String> ignored) {
    List<String> parts = new ArrayList<>();
    for (Change change : between(persister, null, state, ignored)) {
      parts.add(change.field() + ": " + change.to());
    }
    return AuditTrail.text(String.join("; ", parts));
  }

  static String text(Object value) {
    if (value instanceof BigDecimal number) {
      // 1500.00 and 1500.0 are the same amount: do not record a change that is not one
      return AuditTrail.text(number.stripTrailingZeros().toPlainString());
    }
    if (value instanceof Enum<?> constant) {
      return constant.name();
    }
    return AuditTrail.text(value);
  }
}
