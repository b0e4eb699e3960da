package com.relais.crm.platform;

import com.zaxxer.hikari.HikariDataSource;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Where the reads that scan go: the dashboard, the forecast, the monthly report's figures, the customer list. With
 * {@code DB_REPLICA_URL} set they go to a streaming standby while it is reachable and no further behind the primary
 * than {@code relais.replica.max-lag}; otherwise, and for every read when no replica is set, to the primary as
 * before. A reader opts in explicitly ({@link #read}); everything that writes or decides, and the engine, keeps the
 * primary's DataSource, which this class never wraps or replaces (the replica's pool is not a bean, so Spring Boot's
 * DataSource, the engine's and the transaction manager's stay the one they were).
 *
 * <p>The replica's health and lag are checked every {@code check-every} on a thread of their own, so no request
 * waits for a replica that went away; a read that fails on the replica between two checks is run again on the
 * primary at once. A warning is logged once when reads fall back to the primary and a line once when they return.
 *
 * <p>Lag is measured on the standby: the age of the last transaction it replayed, or zero when it has replayed
 * everything it received while its WAL receiver runs (an idle primary sends nothing, and the last replayed
 * transaction then grows old while the standby is in fact up to date). A standby whose WAL receiver is not running
 * is judged by the age of its last replayed transaction, so a standby cut off from its primary falls behind the bound
 * and is left.
 *
 * <p>Reads on the replica run outside the primary's transaction (a connection of the replica's pool, bound to the
 * caller's transaction while it lasts, read-only): a report's queries see the replica's state of the moment, as they
 * would see the primary's.
 */
@Component
public class ScanReads {
  private static final Logger log = LoggerFactory.getLogger(ScanReads.class);

  static final String LAG_QUERY = "select pg_is_in_recovery(),"
      + " case when pg_last_wal_receive_lsn() is not null and pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn()"
      + " and exists (select 1 from pg_stat_wal_receiver) then 0"
      + " else coalesce(extract(epoch from now() - pg_last_xact_replay_timestamp()), 0) end";

  /** The JDBC faces of one database; readers use whichever their query is written for. */
  public record Source(String name, JdbcClient client, JdbcTemplate jdbc, NamedParameterJdbcTemplate named) {}

  /**
   * What the last check found: whether scans go to the replica, its lag in seconds when known, why not otherwise,
   * and how many scans each database served on this node since it started.
   */
  public record State(boolean configured, boolean serving, Double lagSeconds, String reason, Instant checkedAt,
      long replicaReads, long primaryReads) {}

  private record Check(boolean serving, Double lagSeconds, String reason, Instant at) {}

  private final Source primary;
  private final Source replica;
  private final HikariDataSource replicaPool;
  private final ReplicaProperties properties;
  private final ScheduledExecutorService checker;
  private final LongAdder replicaReads = new LongAdder();
  private final LongAdder primaryReads = new LongAdder();
  private volatile Check last;
  private Boolean loggedServing;

  ScanReads(JdbcClient client, JdbcTemplate jdbc, NamedParameterJdbcTemplate named, ReplicaProperties properties) {
    this.primary = new Source("primary", client, jdbc, named);
    this.properties = properties;
    if (!properties.configured()) {
      replicaPool = null;
      replica = null;
      checker = null;
      last = new Check(false, null, "no replica configured (DB_REPLICA_URL)", Instant.now());
      return;
    }
    replicaPool = pool(properties);
    JdbcTemplate replicaJdbc = new JdbcTemplate(replicaPool);
    NamedParameterJdbcTemplate replicaNamed = new NamedParameterJdbcTemplate(replicaJdbc);
    replica = new Source("replica", JdbcClient.create(replicaNamed), replicaJdbc, replicaNamed);
    last = new Check(false, null, "not checked yet", Instant.now());
    checker = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread thread = new Thread(r, "replica-check");
      thread.setDaemon(true);
      return thread;
    });
    long every = Math.max(properties.checkEvery().toMillis(), 200);
    checker.scheduleWithFixedDelay(this::checkQuietly, 0, every, TimeUnit.MILLISECONDS);
  }

  private static HikariDataSource pool(ReplicaProperties properties) {
    HikariDataSource pool = new HikariDataSource();
    pool.setPoolName("replica");
    pool.setJdbcUrl(properties.url());
    pool.setUsername(properties.username());
    pool.setPassword(properties.password());
    pool.setMaximumPoolSize(Math.max(1, properties.poolSize()));
    pool.setMinimumIdle(1);
    pool.setReadOnly(true);
    // a replica that is down costs a report two seconds at most, then the check sends scans to the primary
    pool.setConnectionTimeout(2000);
    pool.setValidationTimeout(1000);
    // start without the replica: it may come up after the service
    pool.setInitializationFailTimeout(-1);
    return pool;
  }

  /**
   * Runs one scanning read on the replica when it may serve, else on the primary. A read that fails on the replica
   * (it went away, or cancelled a query to replay the primary's changes) runs again on the primary.
   */
  public <T> T read(Function<Source, T> query) {
    if (replica != null && last.serving()) {
      try {
        T result = query.apply(replica);
        replicaReads.increment();
        return result;
      } catch (DataAccessException failure) {
        fallBack("a read failed on the replica: " + failure.getMostSpecificCause());
      }
    }
    T result = query.apply(primary);
    primaryReads.increment();
    return result;
  }

  /** Where the next scan would go and why (the health endpoint's {@code replica} component). */
  public State state() {
    Check check = last;
    return new State(replica != null, check.serving(), check.lagSeconds(), check.reason(), check.at(),
        replicaReads.sum(), primaryReads.sum());
  }

  private void checkQuietly() {
    try {
      check();
    } catch (RuntimeException unexpected) {
      record(new Check(false, null, "check failed: " + unexpected, Instant.now()));
    }
  }

  /** Asks the replica whether it is a standby and how far behind it is. */
  void check() {
    Check check;
    try {
      check = replica.jdbc().queryForObject(LAG_QUERY, (rs, n) -> {
        boolean standby = rs.getBoolean(1);
        double lag = rs.getDouble(2);
        if (!standby) {
          return new Check(false, null, "not a standby (pg_is_in_recovery() is false)", Instant.now());
        }
        if (lag > properties.maxLag().toMillis() / 1000.0) {
          return new Check(false, lag, "replica " + Math.round(lag) + " s behind, more than "
              + properties.maxLag().toSeconds() + " s", Instant.now());
        }
        return new Check(true, lag, null, Instant.now());
      });
    } catch (DataAccessException unreachable) {
      check = new Check(false, null, "replica unreachable: " + unreachable.getMostSpecificCause().getMessage(),
          Instant.now());
    }
    record(check);
  }

  private void fallBack(String reason) {
    record(new Check(false, last.lagSeconds(), reason, Instant.now()));
  }

  private synchronized void record(Check check) {
    last = check;
    if (loggedServing == null || loggedServing != check.serving()) {
      if (check.serving()) {
        log.info("Scanning reads (dashboard, forecast, monthly figures, customer list) go to the replica"
            + " (lag {} s)", check.lagSeconds());
      } else {
        log.warn("Scanning reads fall back to the primary: {}", check.reason());
      }
      loggedServing = check.serving();
    }
  }

  /** For the health component: the configured bound. */
  Duration maxLag() {
    return properties.maxLag();
  }

  @PreDestroy
  void close() {
    if (checker != null) {
      checker.shutdownNow();
    }
    if (replicaPool != null) {
      replicaPool.close();
    }
  }
}
