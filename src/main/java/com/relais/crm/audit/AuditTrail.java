package com.relais.crm.audit;

import com.relais.crm.identity.CurrentUser;
import com.relais.crm.platform.Mentions;
import java.sql.Timestamp;
import java.time.Clock;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The audit's public face. Records written through JPA are audited by themselves ({@link AuditedAs}); a module that
 * writes a record with plain SQL calls {@link #record} in the same transaction. The history of a record is read
 * here; an erasure replaces the recorded values of a person's record, never the fact that a change happened.
 */
@Component
public class AuditTrail {
  /** What an erased value reads as: the change and who made it stay, the person's data does not. */
  public static final String ERASED = "[erased]";
  /** Values longer than this are cut: an audit row says what changed, the record itself keeps the whole text. */
  static final int MAX_VALUE = 2000;

  static final RowMapper<AuditChange> ROWS = (rs, n) -> new AuditChange(rs.getLong("id"),
      rs.getTimestamp("changed_at").toInstant(), rs.getString("changed_by"), rs.getString("entity"),
      rs.getString("entity_id"), rs.getString("field"), rs.getString("old_value"), rs.getString("new_value"));

  private final JdbcTemplate jdbc;
  private final CurrentUser currentUser;
  private final Clock clock;

  AuditTrail(JdbcTemplate jdbc, CurrentUser currentUser, Clock clock) {
    this.jdbc = jdbc;
    this.currentUser = currentUser;
    this.clock = clock;
  }

  /** Records one field's change by the current user, in the caller's transaction; nothing when nothing changed. */
  @Transactional(propagation = Propagation.MANDATORY)
  public void record(String entity, Object entityId, String field, Object from, Object to) {
    String before = text(from);
    String after = text(to);
    if (Objects.equals(before, after)) {
      return;
    }
    jdbc.update("insert into audit_change (changed_at, changed_by, entity, entity_id, field, old_value, new_value)"
        + " values (?, ?, ?, ?, ?, ?, ?)", Timestamp.from(clock.instant()), currentUser.id(), entity,
        String.valueOf(entityId), field, before, after);
  }

  /**
   * Records a record written with plain SQL: each field whose value differs between {@code before} and {@code after}
   * (field name → value), or one "(created)" row summing up {@code after} when {@code before} is null.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public void recordRow(String entity, Object entityId, Map<String, ?> before, Map<String, ?> after) {
    if (before == null) {
      List<String> parts = new ArrayList<>();
      after.forEach((field, value) -> {
        if (value != null) {
          parts.add(field + ": " + value);
        }
      });
      record(entity, entityId, RecordListener.CREATED, null, String.join("; ", parts));
      return;
    }
    after.forEach((field, value) -> record(entity, entityId, field, before.get(field), value));
  }

  /**
   * Records a record written with plain SQL from the values a module already reads it as (a Java record before and
   * after the change, {@code before} null for a new one): each component is a field.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public void recordChange(String entity, Object entityId, Record before, Record after) {
    recordRow(entity, entityId, before == null ? null : fieldsOf(before), fieldsOf(after));
  }

  private static Map<String, Object> fieldsOf(Record record) {
    Map<String, Object> fields = new LinkedHashMap<>();
    for (RecordComponent component : record.getClass().getRecordComponents()) {
      try {
        Method accessor = component.getAccessor();
        accessor.setAccessible(true);
        fields.put(component.getName(), FieldChanges.text(accessor.invoke(record)));
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("cannot read " + component.getName() + " of " + record.getClass(), e);
      }
    }
    return fields;
  }

  /** Every recorded change of one record, oldest first. */
  @Transactional(readOnly = true)
  public List<AuditChange> history(String entity, Object entityId) {
    return jdbc.query("select * from audit_change where entity = ? and entity_id = ? order by changed_at, id", ROWS,
        entity, String.valueOf(entityId));
  }

  /**
   * Replaces the values recorded for one record with {@link #ERASED} (a person's erasure): who changed which field
   * when stays, so the audit still shows that the record was worked on.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public void erase(String entity, Object entityId) {
    jdbc.update("update audit_change set old_value = case when old_value is null then null else ? end,"
        + " new_value = case when new_value is null then null else ? end where entity = ? and entity_id = ?",
        ERASED, ERASED, entity, String.valueOf(entityId));
  }

  /**
   * Takes a person out of the values recorded for a record that stays (a deal, a delivery: its amounts, stages and
   * dates are the company's): each mention of them in a recorded value (a title naming them, the summary written
   * when the record was created) becomes {@link Mentions#ERASED}, and the values of {@code personalFields} (a
   * signer's name, a place, a comment) are erased whole. Who changed which field when stays.
   *
   * @return how many recorded changes were rewritten
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public int eraseFrom(String entity, Object entityId, Mentions mentions, Collection<String> personalFields) {
    int rewritten = 0;
    for (AuditChange change : history(entity, entityId)) {
      boolean whole = personalFields.contains(change.field());
      String before = erased(change.from(), mentions, whole);
      String after = erased(change.to(), mentions, whole);
      if (!Objects.equals(before, change.from()) || !Objects.equals(after, change.to())) {
        jdbc.update("update audit_change set old_value = ?, new_value = ? where id = ?", before, after, change.id());
        rewritten++;
      }
    }
    return rewritten;
  }

  private static String erased(String value, Mentions mentions, boolean whole) {
    if (value == null) {
      return null;
    }
    return whole ? ERASED : mentions.erasedFrom(value);
  }

  static String text(Object value) {
    if (value == null) {
      return null;
    }
    String text = String.valueOf(value);
    return text.length() > MAX_VALUE ? text.substring(0, MAX_VALUE) + "…" : text;
  }
}
