package com.relais.crm.bench;

import com.relais.crm.fault.ChildNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Scenario T: scenario A's deal ({@link DealScript}) on one service node, then on two nodes sharing one database,
 * each layout with its own fresh database and bucket, the nodes as JVMs of their own ({@link ChildNode}, as the
 * fault tests start them) beside the benchmark's S3 endpoint. The deals go over HTTP ({@link RestRun}, scenario B's
 * hands, since a child JVM has no Java API to offer): with two nodes each client sends each request to the other
 * node than its previous one, as a round-robin balancer without sticky sessions does. The layouts are driven in
 * rounds, the order alternating, as A and A' are.
 *
 * Measured per layout: deals/s; CPU per deal of the nodes' JVMs (their process CPU time), the S3 endpoint and the
 * database's PostgreSQL backends (not the driver's); the contention: jobs that failed on an optimistic lock (the
 * engine logs each failure in ACT_HI_JOB_LOG and runs the job again without using up a retry), other job failures,
 * incidents, task completions the engine refused with an optimistic-lock conflict (sent again by the driver), and
 * the job executor's acquisition conflicts: its {@code job-acquired-failure} meter, jobs another node locked first.
 * The engine writes its meters to ACT_RU_METER_LOG every 15 minutes and when it closes, and no setting shortens
 * that, so the meters are read after the nodes stopped gracefully and cover their whole life (warm-up included).
 */
final class NodesRun implements AutoCloseable {
  /** Scenario A's service has a 2 GB heap and G1; a node here gets half (two of them run side by side). */
  private static final String[] NODE_JVM = {"-Xmx1g", "-XX:+UseG1GC"};
  private static final String COMPLETE = "POST /engine-rest/task/{id}/complete";
  /** How the engine's optimistic-lock failure reads in a job's exception message (ENGINE-03005). */
  private static final String OPTIMISTIC_LOCK = "(job_exception_msg_ like '%OptimisticLock%'"
      + " or job_exception_msg_ like '%updated by another transaction concurrently%')";

  /** One layout: its database, its nodes, its driver, and what was measured on it. */
  static final class Side {
    final String label;
    final String what;
    final String database;
    final List<ChildNode> nodes = new ArrayList<>();
    RestRun timed;
    int warmDeals;
    long warmConflictRetries;
    Timestamp timedFrom;
    long nodesNanos;
    long s3Nanos;
    long dbNanos;
    long driverNanos;
    final List<Double> roundRates = new ArrayList<>();
    final List<Double> roundCpuPerDeal = new ArrayList<>();
    long jobsSucceeded;
    long jobFailures;
    long jobLockFailures;
    long incidents;
    long jobsBelowThreeRetries;
    final Map<String, Long> jobsByNode = new TreeMap<>();
    final Map<String, Long> meters = new TreeMap<>();

    Side(String label, String what, String database) {
      this.label = label;
      this.what = what;
      this.database = database;
    }

    List<String> bases() {
      return nodes.stream().map(ChildNode::baseUrl).toList();
    }

    long nodesCpuNanos() {
      return nodes.stream().mapToLong(ChildNode::cpuNanos).sum();
    }

    long timedDeals() {
      return timed.deals.get();
    }

    double cpuPerDealMs() {
      return (nodesNanos + s3Nanos + dbNanos) / 1e6 / timedDeals();
    }

    long meter(String name) {
      return meters.getOrDefault(name, 0L);
    }

    void stopNodes() {
      for (ChildNode node : nodes) {
        try {
          // SIGTERM: the engine closes, and writes its meters as it does
          node.close();
        } catch (Exception e) {
          System.out.println("[bench] could not stop " + node.name() + ": " + e);
        }
      }
    }
  }

  private final Pg pg;
  private final ExternalS3 s3;
  private final CpuMeter cpu;
  private final Results results;
  private final String stamp;
  private final boolean keep;
  private final int jobWaitMillis;
  private final int jobMaxWaitMillis;
  private final int poolSize;
  private final List<Side> sides = new ArrayList<>();

  NodesRun(Pg pg, ExternalS3 s3, CpuMeter cpu, Results results, String stamp, boolean keep, int jobWaitMillis,
      int jobMaxWaitMillis, int poolSize) {
    this.pg = pg;
    this.s3 = s3;
    this.cpu = cpu;
    this.results = results;
    this.stamp = stamp;
    this.keep = keep;
    this.jobWaitMillis = jobWaitMillis;
    this.jobMaxWaitMillis = jobMaxWaitMillis;
    this.poolSize = poolSize;
  }

  void run(int deals, int workers, int rounds) throws Exception {
    Side one = start("T1", "one node", 1);
    Side two = start("T2", "two nodes", 2);
    try {
      // warm-up of both layouts (JIT of every node, caches, first parsing), not counted
      int warm = Math.max(workers, Math.min(40, deals / 5));
      for (Side side : sides) {
        RestRun warmUp = new RestRun(side.bases(), 0).retryingConflicts();
        warmUp.run(warm, workers, side.label + "-warm-");
        side.warmDeals = warm;
        side.warmConflictRetries = warmUp.conflictRetries.get();
        side.timed = new RestRun(side.bases(), 0).retryingConflicts();
      }
      Timestamp from = new Timestamp(System.currentTimeMillis());
      one.timedFrom = from;
      two.timedFrom = from;
      int perRound = deals / rounds;
      for (int r = 0; r < rounds; r++) {
        int count = r == rounds - 1 ? deals - perRound * (rounds - 1) : perRound;
        // alternate which layout goes first, so a slow spell of the machine does not always hit the same one
        for (Side side : r % 2 == 0 ? List.of(one, two) : List.of(two, one)) {
          round(side, r, count, workers);
        }
      }
      for (Side side : sides) {
        readJobTables(side);
      }
    } finally {
      for (Side side : sides) {
        side.stopNodes();
      }
    }
    for (Side side : sides) {
      readMeters(side);
    }
    report(one, two);
  }

  /** A fresh database and bucket, and {@code count} nodes on them, started one after the other (the first migrates). */
  private Side start(String label, String what, int count) throws Exception {
    Side side = new Side(label, what, "relais_bench_" + stamp + "_" + label.toLowerCase());
    pg.create(side.database);
    sides.add(side);
    Map<String, String> settings = ChildNode.defaults(pg.urlOf(side.database), pg.user, pg.password, s3.endpoint,
        s3.accessKey, s3.secretKey);
    // scenario A's service settings, not the fault tests' (whose short job lock lets a killed node's jobs return)
    settings.put("camunda.bpm.job-execution.lock-time-in-millis", "300000");
    settings.put("camunda.bpm.job-execution.wait-time-in-millis", Integer.toString(jobWaitMillis));
    settings.put("camunda.bpm.job-execution.max-wait", Integer.toString(jobMaxWaitMillis));
    settings.put("spring.datasource.hikari.maximum-pool-size", Integer.toString(poolSize));
    settings.put("spring.datasource.hikari.connection-timeout", "30000");
    // the service's history level (relais.history): bench.history, else the service's default
    if (RelaisBenchmark.serviceHistory() != null) {
      settings.put("relais.history", RelaisBenchmark.serviceHistory());
    }
    settings.put("relais.after-sale.reminders-enabled", "false");
    // each layout's documents in a bucket of its own: both databases number their deals from 1
    settings.put("relais.storage.bucket", "relais-bench-" + label.toLowerCase());
    // the job executor's meters (acquisition attempts, jobs locked, jobs another node locked first) in the database
    settings.put("camunda.bpm.metrics.enabled", "true");
    settings.put("camunda.bpm.metrics.db-reporter-activate", "true");
    settings.put("logging.level.root", "WARN");
    settings.put("logging.level.com.relais", "WARN");
    for (int i = 0; i < count; i++) {
      String name = "bench-" + label.toLowerCase() + "-node-" + (char) ('a' + i);
      Map<String, String> named = new java.util.LinkedHashMap<>(settings);
      // the engine writes this name in every job log row, so the nodes' shares of the jobs can be told apart
      named.put("camunda.bpm.generic-properties.properties.hostname", name);
      ChildNode node = new ChildNode(name, named).jvmOptions(NODE_JVM);
      side.nodes.add(node);
      long begin = System.nanoTime();
      node.start();
      results.note(String.format("T: %s started in %.0f s at %s (log: target/fault-logs/%s.log)", name,
          (System.nanoTime() - begin) / 1e9, node.baseUrl(), name));
    }
    return side;
  }

  private void round(Side side, int r, int count, int workers) throws Exception {
    CpuMeter.Reading before = cpu.read(side.database);
    long nodesBefore = side.nodesCpuNanos();
    long elapsedBefore = side.timed.elapsedNanos;
    side.timed.run(count, workers, side.label + "-r" + (r + 1) + "-");
    long nodes = side.nodesCpuNanos() - nodesBefore;
    CpuMeter.Reading used = cpu.read(side.database).minus(before);
    side.nodesNanos += nodes;
    side.s3Nanos += used.s3Nanos();
    side.dbNanos += used.dbNanos();
    side.driverNanos += used.jvmNanos();
    double rate = count / ((side.timed.elapsedNanos - elapsedBefore) / 1e9);
    double cpuPerDeal = (nodes + used.s3Nanos() + used.dbNanos()) / 1e6 / count;
    side.roundRates.add(rate);
    side.roundCpuPerDeal.add(cpuPerDeal);
    results.note(String.format("T round %d, %s: %d deals, %.2f deals/s, CPU %.0f ms per deal", r + 1, side.what,
        count, rate, cpuPerDeal));
  }

  /** What the engine recorded of the timed rounds, read while the nodes still run. */
  private void readJobTables(Side side) throws SQLException {
    try (Connection c = pg.connect(side.database)) {
      try (PreparedStatement q = c.prepareStatement("select count(*) filter (where job_state_ = 2),"
          + " count(*) filter (where job_state_ = 1), count(*) filter (where job_state_ = 1 and " + OPTIMISTIC_LOCK
          + ") from act_hi_job_log where timestamp_ >= ?")) {
        q.setTimestamp(1, side.timedFrom);
        try (ResultSet rs = q.executeQuery()) {
          rs.next();
          side.jobsSucceeded = rs.getLong(1);
          side.jobFailures = rs.getLong(2);
          side.jobLockFailures = rs.getLong(3);
        }
      }
      try (PreparedStatement q = c.prepareStatement("select coalesce(hostname_, '?'), count(*) from act_hi_job_log"
          + " where job_state_ = 2 and timestamp_ >= ? group by 1")) {
        q.setTimestamp(1, side.timedFrom);
        try (ResultSet rs = q.executeQuery()) {
          while (rs.next()) {
            side.jobsByNode.put(rs.getString(1), rs.getLong(2));
          }
        }
      }
      try (PreparedStatement q = c.prepareStatement("select count(*) from act_hi_incident where create_time_ >= ?")) {
        q.setTimestamp(1, side.timedFrom);
        try (ResultSet rs = q.executeQuery()) {
          rs.next();
          side.incidents = rs.getLong(1);
        }
      }
      try (Statement q = c.createStatement();
          ResultSet rs = q.executeQuery("select count(*) from act_ru_job where retries_ < 3")) {
        rs.next();
        side.jobsBelowThreeRetries = rs.getLong(1);
      }
    }
  }

  /** The job executor's meters, written when each node's engine closed: the nodes' whole life. */
  private void readMeters(Side side) throws SQLException {
    try (Connection c = pg.connect(side.database); Statement q = c.createStatement();
        ResultSet rs = q.executeQuery("select name_, coalesce(sum(value_), 0) from act_ru_meter_log"
            + " where name_ like 'job-%' group by name_")) {
      while (rs.next()) {
        side.meters.put(rs.getString(1), rs.getLong(2));
      }
    }
  }

  private void report(Side one, Side two) {
    String parts = cpu.measuresDatabase() ? "nodes + S3 + PostgreSQL" : "nodes + S3; PostgreSQL not on this host";
    for (Side side : List.of(one, two)) {
      long deals = side.timedDeals();
      results.figure(side.label, "completed deals/s, " + side.what, side.timed.dealsPerSecond(), "deals/s");
      results.figure(side.label, "CPU per deal (" + parts + ")", side.cpuPerDealMs(), "ms");
      results.figure(side.label, "CPU per deal, the nodes' JVMs alone", side.nodesNanos / 1e6 / deals, "ms");
      Stats completions = side.timed.byKind.get(COMPLETE);
      results.figure(side.label, "task completion p50 over HTTP",
          completions == null ? Double.NaN : completions.percentileMs(50), "ms");
      results.figure(side.label, "task completion p95 over HTTP",
          completions == null ? Double.NaN : completions.percentileMs(95), "ms");
      results.figure(side.label, "requests per deal (polls included)", side.timed.requests.get() / (double) deals,
          "requests");
      results.figure(side.label, "jobs failed on an optimistic lock (run again)", side.jobLockFailures, "jobs");
      results.figure(side.label, "jobs failed otherwise", side.jobFailures - side.jobLockFailures, "jobs");
      results.figure(side.label, "completions refused on an optimistic lock", side.timed.conflictRetries.get(),
          "requests");
      results.figure(side.label, "incidents", side.incidents, "");
      long locked = side.meter("job-acquired-success");
      long lostRace = side.meter("job-acquired-failure");
      results.figure(side.label, "acquisition conflicts per 100 jobs acquired",
          side.meters.isEmpty() || locked + lostRace == 0 ? Double.NaN : 100.0 * lostRace / (locked + lostRace), "%");
      results.note(String.format("T, %s: CPU per deal: nodes %.1f, S3 %.1f, PostgreSQL %.1f ms; the driver (not"
          + " counted) %.1f ms", side.what, side.nodesNanos / 1e6 / deals, side.s3Nanos / 1e6 / deals,
          side.dbNanos / 1e6 / deals, side.driverNanos / 1e6 / deals));
      results.note(String.format("T, %s, timed rounds: %d jobs done %s, %d job failures (%d on an optimistic lock),"
          + " %d incidents, %d jobs left with retries < 3, %d completions sent again after an optimistic-lock"
          + " conflict (%d in the warm-up)", side.what, side.jobsSucceeded, side.jobsByNode, side.jobFailures,
          side.jobLockFailures, side.incidents, side.jobsBelowThreeRetries, side.timed.conflictRetries.get(),
          side.warmConflictRetries));
      results.note(side.meters.isEmpty()
          ? "T, " + side.what + ": no job executor meters in ACT_RU_METER_LOG (did the nodes stop gracefully?)"
          : String.format("T, %s, job executor meters over the nodes' life (%d deals, warm-up included): %s",
              side.what, side.warmDeals + deals, side.meters));
    }
    if (two.nodes.size() == 2 && two.jobsSucceeded > 0) {
      results.figure("T2", "share of the jobs run by the second node",
          100.0 * two.jobsByNode.getOrDefault(two.nodes.get(1).name(), 0L) / two.jobsSucceeded, "%");
    }
    List<Double> rateRatios = new ArrayList<>();
    List<Double> cpuRatios = new ArrayList<>();
    for (int r = 0; r < Math.min(one.roundRates.size(), two.roundRates.size()); r++) {
      rateRatios.add(two.roundRates.get(r) / one.roundRates.get(r));
      cpuRatios.add(two.roundCpuPerDeal.get(r) / one.roundCpuPerDeal.get(r));
    }
    results.figure("T", "deals/s, two nodes / one node", two.timed.dealsPerSecond() / one.timed.dealsPerSecond(),
        "x");
    results.figure("T", "deals/s ratio spread over rounds (min)", min(rateRatios), "x");
    results.figure("T", "deals/s ratio spread over rounds (max)", max(rateRatios), "x");
    results.figure("T", "CPU per deal, two nodes / one node", two.cpuPerDealMs() / one.cpuPerDealMs(), "x");
    results.figure("T", "CPU per deal ratio spread over rounds (min)", min(cpuRatios), "x");
    results.figure("T", "CPU per deal ratio spread over rounds (max)", max(cpuRatios), "x");
    results.note(String.format("T rounds (one node / two nodes, deals/s): %s / %s", rounded(one.roundRates),
        rounded(two.roundRates)));
    int cores = Runtime.getRuntime().availableProcessors();
    if (cores <= 2) {
      // one node, PostgreSQL and S3 already keep both cores busy: a second node adds work, not cores
      results.note("T: " + cores + " cores shared by every node, PostgreSQL and S3: a second node on this machine"
          + " cannot add throughput, so the ratios show the cost of coordination, not a speed-up");
    }
  }

  private static String rounded(List<Double> values) {
    return values.stream().map(v -> String.format("%.2f", v)).toList().toString();
  }

  private static double min(List<Double> values) {
    return values.stream().mapToDouble(Double::doubleValue).filter(v -> !Double.isNaN(v)).min().orElse(Double.NaN);
  }

  private static double max(List<Double> values) {
    return values.stream().mapToDouble(Double::doubleValue).filter(v -> !Double.isNaN(v)).max().orElse(Double.NaN);
  }

  /** Stops every node still running and drops the layouts' databases (unless bench.keepDb). */
  @Override
  public void close() {
    for (Side side : sides) {
      side.stopNodes();
      if (!keep) {
        pg.drop(side.database);
      }
    }
  }
}
