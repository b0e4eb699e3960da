package com.relais.crm.audit;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.history.UserOperationLogQuery;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads the audit: the CRM's own rows, and what people did in the processes from the engine's user operation log
 * (completed a task, claimed it, changed a variable, cancelled an instance), shown as entity {@code process}.
 */
@Component
class AuditQueries {
  /** The audit's name for the engine's user operation log entries. */
  static final String PROCESS = "process";

  private final JdbcTemplate jdbc;
  private final HistoryService history;

  AuditQueries(JdbcTemplate jdbc, HistoryService history) {
    this.jdbc = jdbc;
    this.history = history;
  }

  record Filter(String entity, String entityId, Instant from, Instant to, Collection<String> by) {}

  /** Newest first, {@code size} at most after skipping {@code offset}. */
  @Transactional(readOnly = true)
  List<AuditChange> changes(Filter filter, int offset, int size) {
    if (PROCESS.equals(filter.entity())) {
      return processActions(filter, offset, size);
    }
    StringBuilder sql = new StringBuilder("select * from audit_change where 1 = 1");
    List<Object> args = new ArrayList<>();
    if (filter.entity() != null) {
      sql.append(" and entity = ?");
      args.add(filter.entity());
    }
    if (filter.entityId() != null) {
      sql.append(" and entity_id = ?");
      args.add(filter.entityId());
    }
    if (filter.from() != null) {
      sql.append(" and changed_at > ?");
      args.add(Timestamp.from(filter.from()));
    }
    if (filter.to() != null) {
      sql.append(" and changed_at <= ?");
      args.add(Timestamp.from(filter.to()));
    }
    if (filter.by() != null) {
      if (filter.by().isEmpty()) {
        return List.of();
      }
      sql.append(" and changed_by in (").append(String.join(", ", filter.by().stream().map(b -> "?").toList()))
          .append(")");
      args.addAll(filter.by());
    }
    sql.append(" order by changed_at desc, id desc limit ? offset ?");
    args.add(size);
    args.add(offset);
    return jdbc.query(sql.toString(), AuditTrail.ROWS, args.toArray());
  }

  /** The engine's user operation log as audit rows; one query per person (the engine filters on one user id). */
  List<AuditChange> processActions(Filter filter, int offset, int size) {
    List<AuditChange> actions = new ArrayList<>();
    Collection<String> people = filter.by() == null ? java.util.Collections.singletonList(null) : filter.by();
    for (String person : people) {
      UserOperationLogQuery query = history.createUserOperationLogQuery();
      if (person != null) {
        query.userId(person);
      }
      if (filter.entityId() != null) {
        query.processInstanceId(filter.entityId());
      }
      if (filter.from() != null) {
        query.afterTimestamp(Date.from(filter.from()));
      }
      if (filter.to() != null) {
        query.beforeTimestamp(Date.from(filter.to().plusMillis(1)));
      }
      query.orderByTimestamp().desc().listPage(0, offset + size).forEach(entry -> actions.add(asChange(entry)));
    }
    actions.sort((a, b) -> b.at().compareTo(a.at()));
    return actions.stream().skip(offset).limit(size).toList();
  }

  private static AuditChange asChange(UserOperationLogEntry entry) {
    String record = entry.getProcessInstanceId() != null ? entry.getProcessInstanceId() : entry.getTaskId();
    String field = entry.getOperationType() + (entry.getProperty() == null ? "" : "." + entry.getProperty());
    String what = entry.getEntityType() + (entry.getTaskId() != null ? " " + entry.getTaskId() : "");
    return new AuditChange(0, entry.getTimestamp().toInstant(), entry.getUserId(), PROCESS,
        record == null ? what : record, field, entry.getOrgValue(),
        entry.getNewValue() == null ? what : entry.getNewValue());
  }
}
