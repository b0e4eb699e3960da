package com.relais.crm.contact;

import com.relais.crm.platform.ConflictException;
import com.relais.crm.platform.NotFoundException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The stored plans, their entries and the follow-ups waiting for a later day. Callers hold the transaction. */
@Repository
class ContactPlans {
  private final JdbcClient jdbc;
  private final JdbcTemplate batch;

  ContactPlans(JdbcClient jdbc, JdbcTemplate batch) {
    this.jdbc = jdbc;
    this.batch = batch;
  }

  /** A plan as listed: its day, whether it is built, and how many it shares out or leaves for later. */
  record Plan(LocalDate date, String status, String requestedBy, Instant requestedAt, Integer contactCount,
      Integer leftOver) {}

  /** Claims the day for one plan; the primary key makes a second claim a 409 on every node. */
  void claim(LocalDate day, String by, Instant now) {
    if (plan(day).isPresent()) {
      // asked first: on PostgreSQL a refused insert would also spoil the rest of the caller's transaction
      throw new ConflictException("There is a contact plan for " + day + " already");
    }
    try {
      jdbc.sql("insert into contact_plan (plan_date, status, requested_by, requested_at) values (?, 'REQUESTED', ?, ?)")
          .params(day, by, Timestamp.from(now)).update();
    } catch (DuplicateKeyException taken) {
      throw new ConflictException("There is a contact plan for " + day + " already");
    }
  }

  Optional<Plan> plan(LocalDate day) {
    return jdbc.sql("select * from contact_plan where plan_date = ?").param(day)
        .query((rs, n) -> new Plan(rs.getObject("plan_date", LocalDate.class), rs.getString("status"),
            rs.getString("requested_by"), rs.getTimestamp("requested_at").toInstant(),
            (Integer) rs.getObject("contact_count"), (Integer) rs.getObject("left_over")))
        .optional();
  }

  void built(LocalDate day, int contactCount, int leftOver, Instant now) {
    jdbc.sql("update contact_plan set status = 'BUILT', built_at = ?, contact_count = ?, left_over = ?"
        + " where plan_date = ?").params(Timestamp.from(now), contactCount, leftOver, day).update();
  }

  /** The entries of a built plan, in one batch (a plan of a thousand contacts is one round trip per 500). */
  void addEntries(LocalDate day, List<PlanSharing.Share> shares) {
    batch.batchUpdate("insert into contact_entry (plan_date, customer_id, customer_name, assignee, team_id, priority,"
            + " reason, status) values (?, ?, ?, ?, ?, ?, ?, 'OPEN')", shares, 500,
        (statement, share) -> {
          var candidate = share.candidate();
          statement.setObject(1, day);
          statement.setLong(2, candidate.customerId());
          statement.setString(3, candidate.customerName());
          statement.setString(4, share.assignee());
          statement.setLong(5, share.teamId());
          statement.setInt(6, candidate.priority());
          statement.setString(7, truncate(candidate.reason(), 500));
        });
  }

  List<ContactEntry> unstarted(LocalDate day, int limit) {
    return jdbc.sql("select * from contact_entry where plan_date = ? and started = false"
        + " order by priority desc, id limit ?").params(day, limit).query(ContactPlans::entry).list();
  }

  boolean anyUnstarted(LocalDate day) {
    return jdbc.sql("select count(*) from contact_entry where plan_date = ? and started = false").param(day)
        .query(Long.class).single() > 0;
  }

  void started(long entryId, String processInstanceId) {
    jdbc.sql("update contact_entry set started = true, process_instance_id = ? where id = ?")
        .params(processInstanceId, entryId).update();
  }

  ContactEntry entry(long id) {
    return jdbc.sql("select * from contact_entry where id = ?").param(id).query(ContactPlans::entry).optional()
        .orElseThrow(() -> new NotFoundException("Contact entry", id));
  }

  /** A day's entries, most urgent first; {@code assignees} null for all. */
  List<ContactEntry> entries(LocalDate day, Collection<String> assignees) {
    if (assignees == null) {
      return jdbc.sql("select * from contact_entry where plan_date = ? order by priority desc, id").param(day)
          .query(ContactPlans::entry).list();
    }
    if (assignees.isEmpty()) {
      return List.of();
    }
    return jdbc.sql("select * from contact_entry where plan_date = :day and assignee in (:assignees)"
            + " order by priority desc, id")
        .param("day", day).param("assignees", assignees).query(ContactPlans::entry).list();
  }

  void taskCreated(long entryId, String taskId) {
    jdbc.sql("update contact_entry set task_id = ? where id = ?").params(taskId, entryId).update();
  }

  void reassigned(long entryId, String assignee) {
    jdbc.sql("update contact_entry set assignee = ? where id = ?").params(assignee, entryId).update();
  }

  void done(long entryId, String outcome, long exchangeId, Instant at) {
    jdbc.sql("update contact_entry set status = 'DONE', outcome = ?, exchange_id = ?, completed_at = ? where id = ?")
        .params(outcome, exchangeId, Timestamp.from(at), entryId).update();
  }

  void status(long entryId, ContactEntry.Status status) {
    jdbc.sql("update contact_entry set status = ? where id = ?").params(status.name(), entryId).update();
  }

  /** Exchanges that recorded a contact of a plan (the report counts them once, as contacts). */
  java.util.Set<Long> contactExchanges(Collection<Long> exchangeIds) {
    if (exchangeIds.isEmpty()) {
      return java.util.Set.of();
    }
    java.util.Set<Long> found = new java.util.HashSet<>();
    List<Long> ids = List.copyOf(exchangeIds);
    for (int from = 0; from < ids.size(); from += 1000) {
      found.addAll(jdbc.sql("select exchange_id from contact_entry where exchange_id in (:ids)")
          .param("ids", ids.subList(from, Math.min(ids.size(), from + 1000))).query(Long.class).list());
    }
    return found;
  }

  // follow-ups

  void addFollowUp(long customerId, LocalDate dueOn, FollowUp.Kind kind, String assignee, String reason, int boost,
      Long fromEntryId, String by, Instant now) {
    jdbc.sql("insert into contact_follow_up (customer_id, due_on, kind, assignee, reason, priority_boost,"
            + " from_entry_id, created_by, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(customerId, dueOn, kind.name(), assignee, truncate(reason, 500), boost, fromEntryId, by,
            Timestamp.from(now))
        .update();
  }

  /** Unused follow-ups due on or before the day, the most urgent one per customer. */
  Map<Long, FollowUp> dueFollowUps(LocalDate day) {
    Map<Long, FollowUp> byCustomer = new HashMap<>();
    jdbc.sql("select * from contact_follow_up where used_on is null and due_on <= ? order by priority_boost, id")
        .param(day)
        .query(rs -> {
          FollowUp followUp = new FollowUp(rs.getLong("id"), rs.getLong("customer_id"),
              rs.getObject("due_on", LocalDate.class), FollowUp.Kind.valueOf(rs.getString("kind")),
              rs.getString("assignee"), rs.getString("reason"), rs.getInt("priority_boost"));
          // call-backs win over carry-overs: they are a promise to the customer
          FollowUp kept = byCustomer.get(followUp.customerId());
          if (kept == null || followUp.kind() == FollowUp.Kind.CALL_BACK || kept.kind() != FollowUp.Kind.CALL_BACK) {
            byCustomer.put(followUp.customerId(), followUp);
          }
        });
    return byCustomer;
  }

  /** Every follow-up of these customers due by then counts as used by the day's plan. */
  void followUpsUsed(LocalDate day, Collection<Long> customerIds) {
    List<Long> ids = List.copyOf(customerIds);
    for (int from = 0; from < ids.size(); from += 1000) {
      jdbc.sql("update contact_follow_up set used_on = :day where used_on is null and due_on <= :day"
              + " and customer_id in (:ids)")
          .param("day", day).param("ids", ids.subList(from, Math.min(ids.size(), from + 1000))).update();
    }
  }

  /** The carry-over a missed contact created, if not used yet. */
  Optional<Long> pendingCarryOver(long fromEntryId) {
    return jdbc.sql("select id from contact_follow_up where from_entry_id = ? and kind = 'CARRIED_OVER'"
        + " and used_on is null").param(fromEntryId)
        .query(Long.class).optional();
  }

  void changeFollowUp(long id, LocalDate dueOn, String assignee) {
    jdbc.sql("update contact_follow_up set due_on = ?, assignee = ? where id = ?").params(dueOn, assignee, id)
        .update();
  }

  void dropFollowUp(long id) {
    jdbc.sql("delete from contact_follow_up where id = ?").param(id).update();
  }

  private static ContactEntry entry(ResultSet rs, int row) throws SQLException {
    Timestamp completed = rs.getTimestamp("completed_at");
    return new ContactEntry(rs.getLong("id"), rs.getObject("plan_date", LocalDate.class), rs.getLong("customer_id"),
        rs.getString("customer_name"), rs.getString("assignee"), (Long) rs.getObject("team_id", Long.class),
        rs.getInt("priority"), rs.getString("reason"), ContactEntry.Status.valueOf(rs.getString("status")),
        rs.getString("task_id"), rs.getString("outcome"), rs.getObject("exchange_id", Long.class),
        completed == null ? null : completed.toInstant());
  }

  static String truncate(String text, int max) {
    return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }
}
