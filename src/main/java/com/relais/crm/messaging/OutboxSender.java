package com.relais.crm.messaging;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends what the outbox holds, after commit, on every node at once without sending anything twice: a node claims a
 * due message with a conditional update (only one node's update matches), sends it outside any transaction, and
 * marks it SENT. A failure is retried with growing waits (first retry after {@code firstRetryAfter}, doubling up to
 * {@code longestRetryAfter}), then FAILED with its last error. A node that dies between claim and mark leaves a
 * claim that runs out after {@code claimFor}; the message is then sent again by another node: at least once, never
 * lost. E-mails carry a Message-ID made from the outbox id, so the second copy is recognisable; SMPP has no such key
 * (docs/operations.md, "Notifications").
 */
@Component
class OutboxSender {
  private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);

  private final JdbcClient jdbc;
  private final OutboxProperties properties;
  private final MailChannel mail;
  private final SmsChannel sms;
  private final Clock clock;
  private final String node = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID();

  OutboxSender(JdbcClient jdbc, OutboxProperties properties, MailChannel mail, SmsChannel sms, Clock clock) {
    this.jdbc = jdbc;
    this.properties = properties;
    this.mail = mail;
    this.sms = sms;
    this.clock = clock;
  }

  /*
   * Deliberately on every node at once, without platform's lease (RunOnce): the claim below is the lock, per message
   * rather than per run, so several nodes share a burst of mail instead of one node sending it all while the others
   * wait. Proven with senders racing on one outbox (OutboxDeliveryTest) and with two nodes (TwoNodesFaultTest).
   */
  @Scheduled(fixedDelayString = "${relais.outbox.poll-interval:PT2S}", initialDelayString = "PT5S")
  void sendDue() {
    if (properties.senderEnabled()) {
      sendDueNow();
    }
  }

  /** Sends every message due now; returns how many were sent. */
  int sendDueNow() {
    int sent = 0;
    List<Long> due;
    do {
      Instant now = clock.instant();
      due = jdbc.sql("select id from outbox_message where (status = 'PENDING' and next_attempt_at <= ?)"
              + " or (status = 'SENDING' and claimed_until < ?) order by id limit ?")
          .params(Outbox.at(now), Outbox.at(now), properties.batchSize()).query(Long.class).list();
      List<Claimed> mine = due.stream().filter(this::claim).map(this::read).toList();
      List<Claimed> mails = mine.stream().filter(m -> m.channel() == Channel.EMAIL).toList();
      if (!mails.isEmpty()) {
        Map<Long, Object> results = mail.send(mails.stream()
            .map(m -> new MailChannel.Mail(m.id(), m.recipient(), m.subject(), m.body())).toList());
        for (Claimed m : mails) {
          sent += done(m, results.get(m.id())) ? 1 : 0;
        }
      }
      for (Claimed m : mine) {
        if (m.channel() == Channel.SMS) {
          Object result;
          try {
            result = sms.send(m.recipient(), m.body());
          } catch (RuntimeException failure) {
            result = failure;
          }
          sent += done(m, result) ? 1 : 0;
        }
      }
    } while (due.size() == properties.batchSize());
    return sent;
  }

  private boolean claim(long id) {
    Instant now = clock.instant();
    return jdbc.sql("update outbox_message set status = 'SENDING', claimed_by = ?, claimed_until = ? where id = ?"
            + " and ((status = 'PENDING' and next_attempt_at <= ?) or (status = 'SENDING' and claimed_until < ?))")
        .params(node, Outbox.at(now.plus(properties.claimFor())), id, Outbox.at(now), Outbox.at(now))
        .update() == 1;
  }

  private Claimed read(long id) {
    return jdbc.sql("select channel, recipient, subject, body, attempts from outbox_message where id = ?").param(id)
        .query((rs, n) -> new Claimed(id, Channel.valueOf(rs.getString(1)), rs.getString(2), rs.getString(3),
            rs.getString(4), rs.getInt(5)))
        .single();
  }

  /** Marks the outcome of one send: SENT with the provider's id, or a failure to retry. */
  private boolean done(Claimed message, Object result) {
    if (result instanceof RuntimeException failure) {
      failed(message, failure);
      return false;
    }
    jdbc.sql("update outbox_message set status = 'SENT', attempts = attempts + 1, sent_at = ?, provider_id = ?,"
            + " last_error = null, claimed_by = null, claimed_until = null where id = ? and claimed_by = ?")
        .params(Outbox.at(clock.instant()), String.valueOf(result), message.id(), node).update();
    return true;
  }

  private void failed(Claimed message, RuntimeException failure) {
    int attempts = message.attempts() + 1;
    boolean last = attempts >= properties.maxAttempts();
    Duration wait = properties.firstRetryAfter().multipliedBy(1L << Math.min(attempts - 1, 20));
    if (wait.compareTo(properties.longestRetryAfter()) > 0) {
      wait = properties.longestRetryAfter();
    }
    String error = String.valueOf(failure.getMessage());
    log.warn("{} to {} (outbox {}) failed, attempt {}{}: {}", message.channel(), message.recipient(), message.id(),
        attempts, last ? ", giving up" : "", error);
    jdbc.sql("update outbox_message set status = ?, attempts = ?, next_attempt_at = ?, last_error = ?,"
            + " claimed_by = null, claimed_until = null where id = ? and claimed_by = ?")
        .params(last ? "FAILED" : "PENDING", attempts, Outbox.at(clock.instant().plus(wait)),
            error.length() > 1000 ? error.substring(0, 1000) : error, message.id(), node)
        .update();
  }

  private record Claimed(long id, Channel channel, String recipient, String subject, String body, int attempts) {}
}
