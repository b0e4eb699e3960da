package com.relais.crm.aftersale;

import com.relais.crm.identity.CurrentUser;
import com.relais.crm.platform.InvalidFieldException;
import com.relais.crm.platform.NotFoundException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import com.relais.crm.audit.AuditTrail;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Versioned after-sale templates. An edit adds a new version and deactivates the previous one, so a running
 * process keeps the task list it copied at its start; at most one active template is the default.
 */
@Service
public class AfterSaleTemplates {
  private static final String COLUMNS =
      "id, family_id, name, is_default, version, active, created_by, created_at";

  private static final String AUDITED = "after-sale-template";

  private final JdbcClient jdbc;
  private final CurrentUser currentUser;
  private final Clock clock;

  private final AuditTrail audit;

  AfterSaleTemplates(JdbcClient jdbc, CurrentUser currentUser, Clock clock, AuditTrail audit) {
    this.audit = audit;
    this.jdbc = jdbc;
    this.currentUser = currentUser;
    this.clock = clock;
  }

  @Transactional(readOnly = true)
  public List<AfterSaleTemplate> active() {
    return jdbc.sql("select " + COLUMNS + " from after_sale_template where active = true order by name, id")
        .query(this::row).list().stream().map(this::withTasks).toList();
  }

  @Transactional(readOnly = true)
  public AfterSaleTemplate get(long id) {
    return find(id).orElseThrow(() -> new NotFoundException("After-sale template", id));
  }

  @Transactional(readOnly = true)
  public Optional<AfterSaleTemplate> find(long id) {
    return jdbc.sql("select " + COLUMNS + " from after_sale_template where id = ?").param(id)
        .query(this::row).optional().map(this::withTasks);
  }

  /** The active version of the template {@code id} belongs to (a deal may name an older version). */
  @Transactional(readOnly = true)
  public Optional<AfterSaleTemplate> current(long id) {
    return find(id).flatMap(t -> jdbc.sql("select " + COLUMNS
            + " from after_sale_template where family_id = ? and active = true").param(t.familyId())
        .query(this::row).optional().map(this::withTasks));
  }

  /** Any version, active or not: the demo data must not bring back a template an admin retired. */
  @Transactional(readOnly = true)
  public boolean existsByName(String name) {
    return jdbc.sql("select count(*) from after_sale_template where name = ?").param(name)
        .query(Long.class).single() > 0;
  }

  @Transactional(readOnly = true)
  public Optional<AfterSaleTemplate> defaultTemplate() {
    return jdbc.sql("select " + COLUMNS
            + " from after_sale_template where active = true and is_default = true order by id desc")
        .query(this::row).list().stream().findFirst().map(this::withTasks);
  }

  @Transactional
  public AfterSaleTemplate create(TemplateRequest request) {
    validate(request);
    long id = insert(request, null, 1);
    AfterSaleTemplate created = get(id);
    audit.recordChange(AUDITED, id, null, created);
    return created;
  }

  /** Adds the next version of the template {@code id} and deactivates the one it replaces. */
  @Transactional
  public AfterSaleTemplate update(long id, TemplateRequest request) {
    validate(request);
    AfterSaleTemplate previous = current(id).orElseThrow(() -> new NotFoundException("Active after-sale template", id));
    jdbc.sql("update after_sale_template set active = false, is_default = false where id = ?")
        .param(previous.id()).update();
    int nextVersion = jdbc.sql("select max(version) from after_sale_template where family_id = ?")
        .param(previous.familyId()).query(Integer.class).single() + 1;
    AfterSaleTemplate next = get(insert(request, previous.familyId(), nextVersion));
    // a new version is a new row: the audit shows it as created, with the version it replaces
    audit.recordChange(AUDITED, next.id(), null, next);
    audit.record(AUDITED, previous.id(), "active", true, false);
    return next;
  }

  @Transactional
  public AfterSaleTemplate deactivate(long id) {
    AfterSaleTemplate current = current(id).orElseThrow(() -> new NotFoundException("Active after-sale template", id));
    jdbc.sql("update after_sale_template set active = false, is_default = false where id = ?")
        .param(current.id()).update();
    audit.record(AUDITED, current.id(), "active", true, false);
    return get(current.id());
  }

  private long insert(TemplateRequest request, Long familyId, int version) {
    if (request.isDefault()) {
      jdbc.sql("update after_sale_template set is_default = false where is_default = true").update();
    }
    var key = new GeneratedKeyHolder();
    jdbc.sql("insert into after_sale_template (family_id, name, is_default, version, active, created_by, created_at)"
            + " values (?, ?, ?, ?, true, ?, ?)")
        .params(familyId, request.name().strip(), request.isDefault(), version, currentUser.id(),
            OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
        .update(key, "id");
    long id = key.getKey().longValue();
    if (familyId == null) {
      jdbc.sql("update after_sale_template set family_id = id where id = ?").param(id).update();
    }
    int position = 0;
    for (TaskDefinition task : request.tasks()) {
      jdbc.sql("insert into after_sale_task_template (template_id, position, name, description, candidate_group,"
              + " candidate_user, due_offset, reminder_offset) values (?, ?, ?, ?, ?, ?, ?, ?)")
          .params(id, position++, task.name().strip(), blankToNull(task.description()),
              blankToNull(task.candidateGroup()), blankToNull(task.candidateUser()), task.dueOffset().strip(),
              blankToNull(task.reminderOffset()))
          .update();
    }
    return id;
  }

  private static void validate(TemplateRequest request) {
    for (int i = 0; i < request.tasks().size(); i++) {
      TaskDefinition task = request.tasks().get(i);
      String prefix = "tasks[" + i + "].";
      if (task == null) {
        throw new InvalidFieldException("tasks[" + i + "]", "tasks[" + i + "] must not be null");
      }
      if (blankToNull(task.candidateGroup()) == null && blankToNull(task.candidateUser()) == null) {
        throw new InvalidFieldException(prefix + "candidateGroup",
            prefix + "candidateGroup or " + prefix + "candidateUser is required");
      }
      if (!Offsets.isValid(task.dueOffset().strip())) {
        throw new InvalidFieldException(prefix + "dueOffset",
            prefix + "dueOffset must be an ISO-8601 period or duration such as P3D or PT4H");
      }
      if (blankToNull(task.reminderOffset()) != null && !Offsets.isValid(task.reminderOffset().strip())) {
        throw new InvalidFieldException(prefix + "reminderOffset",
            prefix + "reminderOffset must be an ISO-8601 period or duration such as P2D");
      }
    }
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }

  private AfterSaleTemplate withTasks(AfterSaleTemplate t) {
    List<TaskDefinition> tasks = jdbc.sql("select name, description, candidate_group, candidate_user, due_offset,"
            + " reminder_offset from after_sale_task_template where template_id = ? order by position")
        .param(t.id())
        .query((rs, n) -> new TaskDefinition(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
            rs.getString(5), rs.getString(6)))
        .list();
    return new AfterSaleTemplate(t.id(), t.familyId(), t.name(), t.defaultTemplate(), t.version(), t.active(),
        t.createdBy(), t.createdAt(), tasks);
  }

  private AfterSaleTemplate row(ResultSet rs, int n) throws SQLException {
    return new AfterSaleTemplate(rs.getLong("id"), rs.getLong("family_id"), rs.getString("name"),
        rs.getBoolean("is_default"), rs.getInt("version"), rs.getBoolean("active"), rs.getString("created_by"),
        rs.getObject("created_at", OffsetDateTime.class).toInstant(), List.of());
  }
}
