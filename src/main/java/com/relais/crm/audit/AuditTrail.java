package com.relais.crm.audit;

import com.relais.crm.identity.CurrentUser;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
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

  static String text(Object value) {
    if (value == null) {
      return null;
    }
    String text = String.valueOf(value);
    return text.length() > MAX_VALUE ? text.substring(0, MAX_VALUE) + "…" : text;
  }
}
