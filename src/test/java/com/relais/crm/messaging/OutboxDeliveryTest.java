package com.relais.crm.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.relais.crm.Api;
import com.relais.crm.HttpTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The outbox over a real SMTP conversation: an outage is waited out and every mail then goes once; senders racing
 * for the same messages (as several nodes do) send each once; an admin sees attempts and errors and retries.
 */
@HttpTest
class OutboxDeliveryTest {
  @Autowired Outbox outbox;
  @Autowired OutboxSender sender;
  @Autowired MailSink mail;
  @Autowired TransactionTemplate transaction;
  @Autowired JdbcTemplate jdbc;
  @Autowired TestRestTemplate rest;

  private static void eventually(String what, BooleanSupplier done) throws InterruptedException {
    long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (!done.getAsBoolean()) {
      if (System.nanoTime() > until) {
        throw new AssertionError("not within 30 s: " + what);
      }
      Thread.sleep(100);
    }
  }

  private List<String> queue(String tag, int count) {
    List<String> subjects = new ArrayList<>();
    transaction.executeWithoutResult(status -> {
      for (int i = 0; i < count; i++) {
        String subject = tag + " #" + i;
        subjects.add(subject);
        outbox.enqueue(new OutgoingMessage(Channel.EMAIL, "ops@relais.example", subject, "Body of " + subject,
            "test", null));
      }
    });
    return subjects;
  }

  private long received(String subject) {
    return mail.received().stream().filter(m -> subject.equals(m.subject())).count();
  }

  private String status(String subject) {
    return jdbc.queryForObject("select status from outbox_message where subject = ?", String.class, subject);
  }

  @Test
  void mailsQueuedDuringAnSmtpOutageGoOutOnceWhenItIsBack() throws Exception {
    String tag = "Outage " + UUID.randomUUID();
    mail.stop();
    List<String> subjects;
    try {
      subjects = queue(tag, 3);
      eventually("each tried once", () -> subjects.stream().allMatch(s ->
          jdbc.queryForObject("select attempts from outbox_message where subject = ?", Integer.class, s) >= 1));
      JsonNode pending = Api.as(rest, "admin").get("/api/outbox?status=PENDING&size=200").json();
      JsonNode first = null;
      for (JsonNode entry : pending) {
        if (subjects.get(0).equals(entry.path("subject").asText())) {
          first = entry;
        }
      }
      assertThat(first).as("the admins see the waiting mail").isNotNull();
      assertThat(first.path("attempts").asInt()).isGreaterThanOrEqualTo(1);
      assertThat(first.path("lastError").asText()).contains("SMTP");
    } finally {
      mail.start();
    }
    // the next attempt is due after the back-off; due now, so the test need not wait for it
    jdbc.update("update outbox_message set next_attempt_at = current_timestamp where subject like ?", tag + "%");
    eventually("all sent", () -> subjects.stream().allMatch(s -> "SENT".equals(status(s))));
    Thread.sleep(2500);
    subjects.forEach(s -> assertThat(received(s)).as(s).isEqualTo(1));
  }

  @Test
  void sendersRacingForTheSameMessagesSendEachOnce() throws Exception {
    List<String> subjects = queue("Race " + UUID.randomUUID(), 20);
    var pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Integer>> runs = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        runs.add(pool.submit(sender::sendDueNow));
      }
      for (Future<Integer> run : runs) {
        run.get();
      }
    } finally {
      pool.shutdown();
    }
    eventually("all sent", () -> subjects.stream().allMatch(s -> "SENT".equals(status(s))));
    subjects.forEach(s -> assertThat(received(s)).as(s).isEqualTo(1));
  }

  @Test
  void anAdminRetriesAFailedMailAndOnlyAFailedOne() throws Exception {
    String subject = queue("Retry " + UUID.randomUUID(), 1).get(0);
    eventually("sent", () -> "SENT".equals(status(subject)));
    long id = jdbc.queryForObject("select id from outbox_message where subject = ?", Long.class, subject);
    assertThat(Api.as(rest, "admin").post("/api/outbox/" + id + "/retry", null).status()).isEqualTo(409);
    assertThat(Api.as(rest, "sales").get("/api/outbox").status()).isEqualTo(403);

    jdbc.update("update outbox_message set status = 'FAILED', last_error = 'given up' where id = ?", id);
    var retried = Api.as(rest, "admin").post("/api/outbox/" + id + "/retry", null);
    assertThat(retried.status()).isEqualTo(200);
    assertThat(retried.json().path("status").asText()).isIn("PENDING", "SENDING", "SENT");
    eventually("sent again", () -> "SENT".equals(status(subject)));
    eventually("received twice (once per send)", () -> received(subject) == 2);
  }
}
