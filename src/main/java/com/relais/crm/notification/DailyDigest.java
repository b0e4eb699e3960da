package com.relais.crm.notification;

import com.relais.crm.identity.StaffDirectory;
import com.relais.crm.messaging.Channel;
import com.relais.crm.messaging.OutgoingMessage;
import com.relais.crm.messaging.Outbox;
import com.relais.crm.platform.RunOnce;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The daily digest: each morning, everything held for a user's digest up to the start of the day becomes one e-mail.
 * Every node's timer fires; the lease {@value #LEASE} (platform's {@link RunOnce}) lets one of them build the day's
 * digests while the others skip, and the day's row in digest_sent (one per user and day) still lets exactly one
 * build each user's mail, in the same transaction as the mail's outbox row: so a crash, a lease that ran out or a
 * manual {@link #build} never sends a digest twice. The lease is what keeps the other nodes from scanning
 * digest_item at the same moment; the row is what makes the mail single.
 */
@Component
class DailyDigest {
  static final String LEASE = "daily-digest";
  /** Far above a digest run (a few seconds for thousands of users): only a node dying in the middle waits this. */
  static final Duration LEASE_AT_MOST = Duration.ofMinutes(30);
  /** Covers nodes whose timers fire a few seconds or minutes apart (clocks, restarts) on the same morning. */
  static final Duration LEASE_AT_LEAST = Duration.ofMinutes(5);

  private final JdbcClient jdbc;
  private final Outbox outbox;
  private final StaffDirectory staff;
  private final NotificationProperties properties;
  private final TransactionTemplate transaction;
  private final Clock clock;
  private final RunOnce runOnce;

  DailyDigest(JdbcClient jdbc, Outbox outbox, StaffDirectory staff, NotificationProperties properties,
      TransactionTemplate transaction, Clock clock, RunOnce runOnce) {
    this.jdbc = jdbc;
    this.outbox = outbox;
    this.staff = staff;
    this.properties = properties;
    this.transaction = transaction;
    this.clock = clock;
    this.runOnce = runOnce;
  }

  @Scheduled(cron = "${relais.notifications.digest-cron:0 0 7 * * *}", zone = "${relais.notifications.zone:Europe/Paris}")
  void everyMorning() {
    runOnce.run(LEASE, LEASE_AT_MOST, LEASE_AT_LEAST, () -> build(LocalDate.now(clock.withZone(properties.zone()))));
  }

  /** Builds the digests of {@code day}: what was held before that day began (company time zone). */
  int build(LocalDate day) {
    OffsetDateTime until = day.atStartOfDay(properties.zone()).toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC);
    List<String> users = jdbc.sql("select distinct user_id from digest_item where digested_on is null and created_at < ?")
        .param(until).query(String.class).list();
    int built = 0;
    for (String user : users) {
      Boolean done = transaction.execute(status -> buildFor(user, day, until));
      built += Boolean.TRUE.equals(done) ? 1 : 0;
    }
    return built;
  }

  private boolean buildFor(String user, LocalDate day, OffsetDateTime until) {
    try {
      jdbc.sql("insert into digest_sent (user_id, digest_day) values (?, ?)").params(user, day).update();
    } catch (DuplicateKeyException anotherNodeHasIt) {
      return false;
    }
    List<String> lines = jdbc.sql("select text from digest_item where user_id = ? and digested_on is null"
            + " and created_at < ? order by created_at, id").params(user, until).query(String.class).list();
    jdbc.sql("update digest_item set digested_on = ? where user_id = ? and digested_on is null and created_at < ?")
        .params(day, user, until).update();
    String email = staff.find(user).map(StaffDirectory.Staff::email).orElse(null);
    if (lines.isEmpty() || email == null || email.isBlank()) {
      return false;
    }
    StringBuilder body = new StringBuilder("Your Relais CRM digest of " + day.minusDays(1) + ":\n\n");
    lines.forEach(line -> body.append("- ").append(line).append('\n'));
    body.append("\n-- \nRelais CRM. Change what comes in your digest: ").append(properties.publicUrl())
        .append("/api/notification-preferences");
    outbox.enqueue(new OutgoingMessage(Channel.EMAIL, email, "Relais CRM: " + lines.size() + " update(s) of "
        + day.minusDays(1), body.toString(), "notification:digest", "digest:" + user + ":" + day));
    return true;
  }
}
