package com.relais.crm.bench;

import com.relais.crm.communication.ExchangeLogged;
import com.relais.crm.messaging.MailSink;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Scenario N: events raised in the service's own transactions (an exchange logged on a customer with three
 * followers who want e-mails), told through the outbox to the in-process SMTP server over its socket. Measures
 * how fast events are turned into notifications and outbox rows, how fast the outbox drains, and the lag from an
 * event's commit to its mail being accepted by the server.
 */
final class NotificationRun {
  private static final List<String> FOLLOWERS = List.of("sales", "sales2", "manager");
  private static final int EVENTS_PER_TRANSACTION = 50;

  double raiseSeconds;
  double drainSeconds;
  long mails;
  double lagP50Millis;
  double lagP95Millis;

  void run(ConfigurableApplicationContext context, String base, int events) throws Exception {
    JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
    TransactionTemplate transaction = context.getBean(TransactionTemplate.class);
    long customer = jdbc.queryForObject("insert into customer (name, email, category, acquisition_source,"
        + " email_consent, sms_consent, created_by, created_at, updated_at, version) values ('Bench Followed SA',"
        + " 'bench@example.com', 'CUSTOMER', 'OTHER', false, false, 'bench', current_timestamp, current_timestamp, 0)"
        + " returning id", Long.class);
    for (String user : FOLLOWERS) {
      jdbc.update("insert into subscription (user_id, customer_id, created_at) values (?, ?, current_timestamp)",
          user, customer);
      // as the user does on the settings page, so the service's memory of their choices hears of it
      Http.Answer chosen = new Http(base, user, new Stats(), null).put("/api/notification-preferences", List.of(
          Map.of("eventKind", "EXCHANGE_LOGGED", "channels", List.of("EMAIL", "IN_APP"), "digest", "NONE")));
      if (chosen.status() != 200) {
        throw new IllegalStateException("preferences of " + user + ": " + chosen);
      }
    }
    long before = jdbc.queryForObject("select count(*) from outbox_message where status = 'SENT'", Long.class);
    long start = System.nanoTime();
    for (int from = 0; from < events; from += EVENTS_PER_TRANSACTION) {
      int first = from;
      transaction.executeWithoutResult(status -> {
        for (int i = first; i < Math.min(events, first + EVENTS_PER_TRANSACTION); i++) {
          context.publishEvent(new ExchangeLogged(9_000_000L + i, customer, List.of(), "CALL", "DONE",
              "Bench call " + i, false, "bench", Set.of()));
        }
      });
    }
    raiseSeconds = (System.nanoTime() - start) / 1e9;
    long expected = before + (long) events * FOLLOWERS.size();
    long deadline = System.nanoTime() + 30L * 60 * 1_000_000_000L;
    while (jdbc.queryForObject("select count(*) from outbox_message where status = 'SENT'", Long.class) < expected) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("the outbox did not drain within 30 minutes");
      }
      Thread.sleep(200);
    }
    drainSeconds = (System.nanoTime() - start) / 1e9;
    mails = context.getBean(MailSink.class).received().stream().filter(m -> m.subject() != null
        && m.subject().contains("Bench Followed SA")).count();
    List<Double> lags = jdbc.query("select created_at, sent_at from outbox_message where status = 'SENT'"
            + " and purpose = 'notification:EXCHANGE_LOGGED' order by id desc limit ?",
        (rs, n) -> millisBetween(rs.getObject(1, OffsetDateTime.class), rs.getObject(2, OffsetDateTime.class)),
        events * FOLLOWERS.size()).stream().sorted().toList();
    lagP50Millis = lags.get(lags.size() / 2);
    lagP95Millis = lags.get(Math.min(lags.size() - 1, (int) Math.ceil(lags.size() * 0.95) - 1));
  }

  private static double millisBetween(OffsetDateTime from, OffsetDateTime to) {
    return (Timestamp.from(to.toInstant()).getTime() - Timestamp.from(from.toInstant()).getTime());
  }
}
