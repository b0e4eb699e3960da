package com.relais.crm.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.relais.crm.HttpTest;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
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
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The lease that keeps work to one node at a time (job_lease), on the suite's database: callers racing for it, a
 * lease another node holds, one that ran out, a failing run, and the lower bound that keeps a quick run from running
 * again on a node whose timer fires a little later.
 */
@HttpTest
class RunOnceTest {
  @Autowired RunOnce runOnce;
  @Autowired JdbcTemplate jdbc;

  private static String name() {
    return "test-" + UUID.randomUUID().toString().substring(0, 8);
  }

  private Instant databaseNow() {
    return jdbc.queryForObject("select current_timestamp", Timestamp.class).toInstant();
  }

  private static OffsetDateTime utc(Instant instant) {
    return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }

  @Test
  void ofCallersRacingForALeaseOneRunsAndTheLeaseIsFreeAfterwards() throws Exception {
    String name = name();
    int callers = 6;
    AtomicInteger runs = new AtomicInteger();
    CountDownLatch go = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(callers);
    List<Future<Boolean>> answers = new ArrayList<>();
    try {
      for (int i = 0; i < callers; i++) {
        answers.add(pool.submit(() -> {
          go.await();
          return runOnce.run(name, Duration.ofMinutes(1), Duration.ZERO, () -> {
            runs.incrementAndGet();
            sleep(500);
          });
        }));
      }
      go.countDown();
      int ran = 0;
      for (Future<Boolean> answer : answers) {
        ran += answer.get(60, TimeUnit.SECONDS) ? 1 : 0;
      }
      assertThat(ran).isEqualTo(1);
      assertThat(runs).hasValue(1);
    } finally {
      pool.shutdownNow();
    }
    // released when done: the next caller runs at once
    assertThat(runOnce.run(name, Duration.ofMinutes(1), Duration.ZERO, runs::incrementAndGet)).isTrue();
    assertThat(runs).hasValue(2);
  }

  @Test
  void aLeaseAnotherNodeHoldsIsRespectedUntilItRunsOut() {
    String name = name();
    Instant now = databaseNow();
    jdbc.update("insert into job_lease (name, locked_until, locked_at, locked_by) values (?, ?, ?, 'another-node')",
        name, utc(now.plus(Duration.ofMinutes(10))), utc(now));
    AtomicInteger runs = new AtomicInteger();

    assertThat(runOnce.run(name, Duration.ofMinutes(1), Duration.ZERO, runs::incrementAndGet)).isFalse();
    assertThat(runs).hasValue(0);

    // that node died; its lease ran out
    jdbc.update("update job_lease set locked_until = ? where name = ?", utc(now.minusSeconds(1)), name);
    assertThat(runOnce.run(name, Duration.ofMinutes(1), Duration.ZERO, runs::incrementAndGet)).isTrue();
    assertThat(runs).hasValue(1);
    assertThat(jdbc.queryForObject("select locked_by from job_lease where name = ?", String.class, name))
        .isEqualTo(runOnce.holder());
  }

  @Test
  void aFailingRunReleasesItsLease() {
    String name = name();
    assertThatThrownBy(() -> runOnce.run(name, Duration.ofMinutes(10), Duration.ZERO, () -> {
      throw new IllegalStateException("broken job");
    })).hasMessage("broken job");
    AtomicInteger runs = new AtomicInteger();
    assertThat(runOnce.run(name, Duration.ofMinutes(10), Duration.ZERO, runs::incrementAndGet)).isTrue();
    assertThat(runs).hasValue(1);
  }

  @Test
  void aQuickRunHoldsItsLeaseForItsLowerBoundAndNotForItsUpperOne() {
    String name = name();
    AtomicInteger runs = new AtomicInteger();
    assertThat(runOnce.run(name, Duration.ofMinutes(30), Duration.ofMinutes(5), runs::incrementAndGet)).isTrue();
    assertThat(runOnce.run(name, Duration.ofMinutes(30), Duration.ofMinutes(5), runs::incrementAndGet)).isFalse();
    assertThat(runs).hasValue(1);
    Instant at = jdbc.queryForObject("select locked_at from job_lease where name = ?", Timestamp.class, name)
        .toInstant();
    Instant until = jdbc.queryForObject("select locked_until from job_lease where name = ?", Timestamp.class, name)
        .toInstant();
    assertThat(Duration.between(at, until)).isEqualTo(Duration.ofMinutes(5));
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
