package com.relais.crm.messaging;

import com.relais.crm.platform.ConflictException;
import com.relais.crm.platform.NotFoundException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The outbox: a message is a row written in the caller's transaction (so it exists exactly when what caused it was
 * committed) and sent after commit by {@link OutboxSender}. Callers never talk to a mail server or an SMSC.
 */
@Service
public class Outbox {
  static final String COLUMNS = "id, channel, recipient, subject, purpose, status, attempts, next_attempt_at,"
      + " last_error, created_at, sent_at";

  private final JdbcClient jdbc;
  private final Clock clock;

  Outbox(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** Queues the message in the current transaction; a message whose dedupe key is already queued is not queued. */
  @Transactional
  public void enqueue(OutgoingMessage message) {
    if (message.dedupeKey() != null && jdbc.sql("select count(*) from outbox_message where dedupe_key = ?")
        .param(message.dedupeKey()).query(Long.class).single() > 0) {
      return;
    }
    OffsetDateTime now = at(clock.instant());
    jdbc.sql("insert into outbox_message (channel, recipient, subject, body, purpose, dedupe_key, status, attempts,"
            + " next_attempt_at, created_at) values (?, ?, ?, ?, ?, ?, 'PENDING', 0, ?, ?)")
        .params(message.channel().name(), message.recipient(), clip(message.subject(), 300),
            clip(message.body(), 8000), clip(message.purpose(), 100), message.dedupeKey(), now, now)
        .update();
  }

  @Transactional(readOnly = true)
  public List<OutboxEntry> list(OutboxStatus status, int page, int size) {
    String where = status == null ? "" : " where status = '" + status.name() + "'";
    return jdbc.sql("select " + COLUMNS + " from outbox_message" + where + " order by id desc limit ? offset ?")
        .params(size, (long) page * size).query(Outbox::row).list();
  }

  @Transactional(readOnly = true)
  public OutboxEntry get(long id) {
    return jdbc.sql("select " + COLUMNS + " from outbox_message where id = ?").param(id).query(Outbox::row).optional()
        .orElseThrow(() -> new NotFoundException("Outbox message", id));
  }

  /** Puts a FAILED message back in the queue with fresh attempts; any other state is a conflict. */
  @Transactional
  public OutboxEntry retry(long id) {
    OutboxEntry entry = get(id);
    if (entry.status() != OutboxStatus.FAILED) {
      throw new ConflictException("Outbox message " + id + " is " + entry.status() + "; only a FAILED one is retried");
    }
    jdbc.sql("update outbox_message set status = 'PENDING', attempts = 0, next_attempt_at = ? where id = ?")
        .params(at(clock.instant()), id).update();
    return get(id);
  }

  static OffsetDateTime at(Instant instant) {
    return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }

  private static String clip(String text, int length) {
    return text == null || text.length() <= length ? text : text.substring(0, length);
  }

  private static OutboxEntry row(ResultSet rs, int n) throws SQLException {
    OffsetDateTime sent = rs.getObject("sent_at", OffsetDateTime.class);
    return new OutboxEntry(rs.getLong("id"), Channel.valueOf(rs.getString("channel")), rs.getString("recipient"),
        rs.getString("subject"), rs.getString("purpose"), OutboxStatus.valueOf(rs.getString("status")),
        rs.getInt("attempts"), rs.getObject("next_attempt_at", OffsetDateTime.class).toInstant(),
        rs.getString("last_error"), rs.getObject("created_at", OffsetDateTime.class).toInstant(),
        sent == null ? null : sent.toInstant());
  }
}
