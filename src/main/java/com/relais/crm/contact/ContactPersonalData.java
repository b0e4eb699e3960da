package com.relais.crm.contact;

import com.relais.crm.platform.Mentions;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the contact plans and work plans hold on one customer, for the export and the erasure of their personal data
 * (privacy module): the actions planned for them, the days they were on a contact list (with a copy of their name,
 * kept so that a day's list reads the same later), the follow-ups that put them on a later list. The contact tasks
 * themselves belong to the engine's history and are erased there.
 */
@Component
public class ContactPersonalData {
  private final JdbcClient jdbc;

  ContactPersonalData(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** An action of the customer's work plan. */
  public record PlannedAction(long id, String title, String kind, LocalDate dueOn, String assignee, String createdBy,
      String status, Instant doneAt, Long exchangeId) {}

  /** A day the customer was on a contact list, and what came of it. */
  public record ListedContact(LocalDate day, String customerName, String assignee, String reason, String status,
      String outcome, Long exchangeId, Instant completedAt) {}

  /** A call-back or a carried-over contact that put the customer on a later day's list. */
  public record FollowUp(long id, LocalDate dueOn, String kind, String assignee, String reason, LocalDate usedOn,
      String createdBy, Instant createdAt) {}

  @Transactional(readOnly = true)
  public List<PlannedAction> planOf(long customerId) {
    return jdbc.sql("select id, title, kind, due_on, assignee, created_by, status, done_at, exchange_id"
            + " from plan_item where customer_id = ? order by due_on, id")
        .param(customerId)
        .query((rs, n) -> new PlannedAction(rs.getLong(1), rs.getString(2), rs.getString(3),
            rs.getObject(4, LocalDate.class), rs.getString(5), rs.getString(6), rs.getString(7), instant(rs, 8),
            rs.getObject(9, Long.class)))
        .list();
  }

  @Transactional(readOnly = true)
  public List<ListedContact> listsOf(long customerId) {
    return jdbc.sql("select plan_date, customer_name, assignee, reason, status, outcome, exchange_id, completed_at"
            + " from contact_entry where customer_id = ? order by plan_date, id")
        .param(customerId)
        .query((rs, n) -> new ListedContact(rs.getObject(1, LocalDate.class), rs.getString(2), rs.getString(3),
            rs.getString(4), rs.getString(5), rs.getString(6), rs.getObject(7, Long.class), instant(rs, 8)))
        .list();
  }

  @Transactional(readOnly = true)
  public List<FollowUp> followUpsOf(long customerId) {
    return jdbc.sql("select id, due_on, kind, assignee, reason, used_on, created_by, created_at"
            + " from contact_follow_up where customer_id = ? order by due_on, id")
        .param(customerId)
        .query((rs, n) -> new FollowUp(rs.getLong(1), rs.getObject(2, LocalDate.class), rs.getString(3),
            rs.getString(4), rs.getString(5), rs.getObject(6, LocalDate.class), rs.getString(7), instant(rs, 8)))
        .list();
  }

  /**
   * Gives the copies of the customer's name on contact lists the customer's new name, and replaces the person's
   * mentions in the reasons and in the titles of their planned actions.
   *
   * @return how many rows changed
   */
  @Transactional
  public int eraseMentions(long customerId, Mentions mentions, String erasedName) {
    int changed = jdbc.sql("update contact_entry set customer_name = ? where customer_id = ? and customer_name <> ?")
        .params(erasedName, customerId, erasedName).update();
    changed += eraseIn("contact_entry", "reason", 500, customerId, mentions, "");
    changed += eraseIn("contact_follow_up", "reason", 500, customerId, mentions, "");
    changed += eraseIn("plan_item", "title", 200, customerId, mentions, ", version = version + 1");
    return changed;
  }

  /** {@code table} and {@code column} are this class's own constants, never input. */
  private int eraseIn(String table, String column, int length, long customerId, Mentions mentions, String alsoSet) {
    List<Text> rows = jdbc.sql("select id, " + column + " from " + table + " where customer_id = ?").param(customerId)
        .query((rs, n) -> new Text(rs.getLong(1), rs.getString(2))).list();
    int changed = 0;
    for (Text row : rows) {
      String erased = mentions.erasedFrom(row.text());
      if (!Objects.equals(erased, row.text())) {
        jdbc.sql("update " + table + " set " + column + " = ?" + alsoSet + " where id = ?")
            .params(erased.length() <= length ? erased : erased.substring(0, length), row.id()).update();
        changed++;
      }
    }
    return changed;
  }

  private record Text(long id, String text) {}

  private static Instant instant(ResultSet rs, int column) throws SQLException {
    OffsetDateTime at = rs.getObject(column, OffsetDateTime.class);
    return at == null ? null : at.toInstant();
  }
}
