package com.relais.crm.notification;

import com.relais.crm.platform.NotFoundException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class Notifications {
  public static final String KIND_REMINDER = "REMINDER";

  private final JdbcClient jdbc;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  Notifications(JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {
    this.jdbc = jdbc;
    this.events = events;
    this.clock = clock;
  }

  /** A user has a new on-screen notification (for the live stream, after commit). */
  record InAppNotified(String userId) {}

  @Transactional
  public void notify(String userId, String kind, String text, Long opportunityId) {
    notify(userId, kind, text, opportunityId, null, null);
  }

  /** Keeps an on-screen notification; the live stream tells the user's open pages after commit. */
  @Transactional
  void notify(String userId, String kind, String text, Long opportunityId, Long customerId, String link) {
    jdbc.sql("insert into notification (user_id, kind, text, opportunity_id, customer_id, link, created_at)"
            + " values (?, ?, ?, ?, ?, ?, ?)")
        .params(userId, kind, text.length() > 1000 ? text.substring(0, 1000) : text, opportunityId, customerId, link,
            now())
        .update();
    events.publishEvent(new InAppNotified(userId));
  }

  @Transactional(readOnly = true)
  public long unreadCount(String userId) {
    return jdbc.sql("select count(*) from notification where user_id = ? and read_at is null").param(userId)
        .query(Long.class).single();
  }

  /** Unread first, newest first within each part. */
  @Transactional(readOnly = true)
  public List<Notification> of(String userId) {
    return jdbc.sql("select id, user_id, kind, text, opportunity_id, customer_id, link, created_at, read_at from notification"
            + " where user_id = ? order by case when read_at is null then 0 else 1 end, created_at desc, id desc")
        .param(userId).query(Notifications::row).list();
  }

  /** Marks one of the user's own notifications read; someone else's is a 404, not a 403, so ids do not leak. */
  @Transactional
  public Notification markRead(long id, String userId) {
    int changed = jdbc.sql("update notification set read_at = coalesce(read_at, ?) where id = ? and user_id = ?")
        .params(now(), id, userId).update();
    if (changed == 0) {
      throw new NotFoundException("Notification", id);
    }
    return jdbc.sql("select id, user_id, kind, text, opportunity_id, customer_id, link, created_at, read_at from notification"
        + " where id = ?").param(id).query(Notifications::row).single();
  }

  private OffsetDateTime now() {
    return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
  }

  static Notification row(ResultSet rs, int n) throws SQLException {
    long opportunityId = rs.getLong("opportunity_id");
    Long opportunity = rs.wasNull() ? null : opportunityId;
    OffsetDateTime read = rs.getObject("read_at", OffsetDateTime.class);
    Instant readAt = read == null ? null : read.toInstant();
    long customerId = rs.getLong("customer_id");
    Long customer = rs.wasNull() ? null : customerId;
    return new Notification(rs.getLong("id"), rs.getString("user_id"), rs.getString("kind"), rs.getString("text"),
        opportunity, customer, rs.getString("link"), rs.getObject("created_at", OffsetDateTime.class).toInstant(),
        readAt);
  }
}
