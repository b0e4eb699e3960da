package com.relais.crm.platform;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Work that must run on one node at a time across the cluster: a lease per job name in {@code job_lease}, taken with
 * a conditional update that only one node can win (the insert of a job's first row is decided by its primary key).
 * This is ShedLock's JDBC lock in thirty lines, without a dependency: the same two bounds, the same table shape.
 *
 * <ul>
 *   <li>{@code lockAtMostFor}: how long the lease holds when the node that took it dies in the middle; longer than
 *   the slowest run, or a second node starts the same work while the first still does it.
 *   <li>{@code lockAtLeastFor}: how long it keeps holding after a quick run, so that a node whose timer fires a little
 *   later (another start time, a clock a few seconds off) does not run the same work again.
 * </ul>
 *
 * Times are the database's clock ({@code current_timestamp}), never a node's, so nodes whose clocks drift agree on
 * when a lease runs out. Taking and releasing the lease commit in transactions of their own (REQUIRES_NEW): the
 * work itself runs outside them and opens its own transactions. A lease is a courtesy that keeps nodes from doing
 * the same work twice at once; what must never happen twice (a digest mail, a reminder) is still guarded by its own
 * row, so a lease that runs out during a very slow run costs duplicated effort, never a duplicated result.
 */
@Component
public class RunOnce {
  private static final Logger log = LoggerFactory.getLogger(RunOnce.class);

  private final JdbcClient jdbc;
  private final TransactionTemplate own;
  private final String holder;

  RunOnce(JdbcClient jdbc, PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.own = new TransactionTemplate(transactions);
    this.own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.holder = holderName();
  }

  /**
   * Runs {@code work} on this node if no node holds the lease {@code name}, and releases the lease afterwards (at the
   * earliest {@code lockAtLeastFor} after it was taken), also when the work fails.
   *
   * @return whether the work ran here
   */
  public boolean run(String name, Duration lockAtMostFor, Duration lockAtLeastFor, Runnable work) {
    if (lockAtLeastFor.compareTo(lockAtMostFor) > 0) {
      throw new IllegalArgumentException("lockAtLeastFor above lockAtMostFor for " + name);
    }
    Instant takenAt = databaseNow();
    if (!take(name, takenAt, lockAtMostFor)) {
      log.debug("{} skipped: another node holds its lease", name);
      return false;
    }
    try {
      work.run();
      return true;
    } finally {
      release(name, takenAt, lockAtLeastFor);
    }
  }

  /** Who takes leases here: host, process and a random part (two services in one JVM in the tests). */
  public String holder() {
    return holder;
  }

  private boolean take(String name, Instant now, Duration lockAtMostFor) {
    OffsetDateTime at = utc(now);
    OffsetDateTime until = utc(now.plus(lockAtMostFor));
    try {
      Boolean taken = own.execute(status -> {
        // under READ COMMITTED a second node's update waits for the first and then finds locked_until in the future
        int updated = jdbc.sql("update job_lease set locked_until = ?, locked_at = ?, locked_by = ?"
                + " where name = ? and locked_until <= ?")
            .params(until, at, holder, name, at).update();
        if (updated == 1) {
          return true;
        }
        long exists = jdbc.sql("select count(*) from job_lease where name = ?").param(name).query(Long.class)
            .single();
        if (exists > 0) {
          return false;
        }
        jdbc.sql("insert into job_lease (name, locked_until, locked_at, locked_by) values (?, ?, ?, ?)")
            .params(name, until, at, holder).update();
        return true;
      });
      return Boolean.TRUE.equals(taken);
    } catch (DuplicateKeyException | ConcurrencyFailureException anotherNodeIsTakingIt) {
      // the first row of a job inserted by two nodes at once (H2 may answer a lock conflict instead)
      return false;
    }
  }

  private void release(String name, Instant takenAt, Duration lockAtLeastFor) {
    try {
      own.executeWithoutResult(status -> {
        Instant now = databaseNow();
        Instant earliest = takenAt.plus(lockAtLeastFor);
        jdbc.sql("update job_lease set locked_until = ? where name = ? and locked_by = ? and locked_at = ?")
            .params(utc(earliest.isAfter(now) ? earliest : now), name, holder, utc(takenAt)).update();
      });
    } catch (RuntimeException failure) {
      // the database went away during the work: the lease then runs out by itself after lockAtMostFor
      log.warn("Lease {} not released ({}); it runs out by itself", name, failure.toString());
    }
  }

  private Instant databaseNow() {
    // to the microsecond, as timestamp(6) stores it, so the release finds the row by its locked_at
    return jdbc.sql("select current_timestamp").query(Timestamp.class).single().toInstant()
        .truncatedTo(ChronoUnit.MICROS);
  }

  private static OffsetDateTime utc(Instant instant) {
    return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }

  private static String holderName() {
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (Exception unknown) {
      host = "unknown-host";
    }
    String name = host + "/" + ManagementFactory.getRuntimeMXBean().getName() + "/"
        + UUID.randomUUID().toString().substring(0, 8);
    return name.length() > 255 ? name.substring(name.length() - 255) : name;
  }
}
