package com.relais.crm.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.relais.crm.HttpTest;
import com.relais.crm.messaging.MailSink;
import com.relais.crm.platform.RunOnce;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The morning digest as every node's timer fires it: while another node holds the digest's lease nothing is built
 * here; once that lease ran out, two timers firing at the same moment and a third right after build one mail per
 * user, and the lease is released at its lower bound (not held for its upper one).
 */
@HttpTest
class DailyDigestRunsOnceTest {
  private static final List<String> USERS = List.of("finance", "support");

  @Autowired DailyDigest digest;
  @Autowired RunOnce runOnce;
  @Autowired MailSink mail;
  @Autowired JdbcTemplate jdbc;
  @Autowired Clock clock;
  @Autowired NotificationProperties properties;

  @Test
  void timersFiringOnSeveralNodesSendOneDigestPerUser() throws Exception {
    String marker = "Once " + UUID.randomUUID().toString().substring(0, 8);
    Instant now = jdbc.queryForObject("select current_timestamp", Timestamp.class).toInstant();
    LocalDate today = LocalDate.now(clock.withZone(properties.zone()));
    for (String user : USERS) {
      for (String line : List.of("first", "second")) {
        // held since the day before yesterday: today's digest takes it
        jdbc.update("insert into digest_item (user_id, event_kind, text, created_at) values (?, 'EXCHANGE_LOGGED', ?, ?)",
            user, marker + " " + line + " for " + user, utc(now.minus(Duration.ofDays(2))));
      }
    }
    jdbc.update("delete from job_lease where name = ?", DailyDigest.LEASE);

    // another node is building this morning's digests
    jdbc.update("insert into job_lease (name, locked_until, locked_at, locked_by) values (?, ?, ?, 'another-node')",
        DailyDigest.LEASE, utc(now.plus(Duration.ofMinutes(10))), utc(now));
    digest.everyMorning();
    for (String user : USERS) {
      assertThat(outboxRows(user, today)).as("built while another node holds the lease").isZero();
    }

    // that node died before it built anything; its lease ran out
    jdbc.update("update job_lease set locked_until = ? where name = ?", utc(now.minusSeconds(1)), DailyDigest.LEASE);
    CountDownLatch go = new CountDownLatch(1);
    ExecutorService timers = Executors.newFixedThreadPool(2);
    try {
      List<Future<?>> fired = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        fired.add(timers.submit(() -> {
          go.await();
          digest.everyMorning();
          return null;
        }));
      }
      go.countDown();
      for (Future<?> timer : fired) {
        timer.get(60, TimeUnit.SECONDS);
      }
    } finally {
      timers.shutdownNow();
    }
    digest.everyMorning();

    for (String user : USERS) {
      assertThat(outboxRows(user, today)).as("digest rows of %s", user).isEqualTo(1);
      assertThat(jdbc.queryForObject("select count(*) from digest_sent where user_id = ? and digest_day = ?",
          Long.class, user, today)).isEqualTo(1);
    }
    for (String user : USERS) {
      String address = user + "@relais.example";
      long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
      while (mailsTo(address, marker).isEmpty() && System.nanoTime() < until) {
        Thread.sleep(100);
      }
    }
    Thread.sleep(2500);
    for (String user : USERS) {
      List<MailSink.ReceivedMail> mails = mailsTo(user + "@relais.example", marker);
      assertThat(mails).as("digests mailed to %s", user).hasSize(1);
      assertThat(mails.get(0).text()).contains(marker + " first for " + user, marker + " second for " + user);
    }

    // released when done, at its lower bound: not held for the half hour a dying node would hold it
    assertThat(jdbc.queryForObject("select locked_by from job_lease where name = ?", String.class, DailyDigest.LEASE))
        .isEqualTo(runOnce.holder());
    Instant at = jdbc.queryForObject("select locked_at from job_lease where name = ?", Timestamp.class,
        DailyDigest.LEASE).toInstant();
    Instant lockedUntil = jdbc.queryForObject("select locked_until from job_lease where name = ?", Timestamp.class,
        DailyDigest.LEASE).toInstant();
    assertThat(Duration.between(at, lockedUntil)).isEqualTo(DailyDigest.LEASE_AT_LEAST)
        .isLessThan(DailyDigest.LEASE_AT_MOST);
  }

  private long outboxRows(String user, LocalDate day) {
    return jdbc.queryForObject("select count(*) from outbox_message where dedupe_key = ?", Long.class,
        "digest:" + user + ":" + day);
  }

  private List<MailSink.ReceivedMail> mailsTo(String address, String containing) {
    return mail.received().stream().filter(m -> m.to().contains(address) && (m.subject() + m.text())
        .contains(containing)).toList();
  }

  private static OffsetDateTime utc(Instant instant) {
    return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }
}
