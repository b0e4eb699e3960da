package com.relais.crm.bench;

import java.util.HashMap;
import java.util.Map;

/**
 * The benchmark's stand-in for autovacuum's automatic ANALYZE on a server where autovacuum is off (this machine's CI
 * cluster): each side's deals run in batches, and its database is analyzed before a batch, untimed and outside the
 * CPU readings, so that no batch adds more than a tenth to the deals analyzed so far (autovacuum's default
 * {@code autovacuum_analyze_scale_factor}, 0.1), nor more than 100 when that is fewer. Analyzed only before each round,
 * the first round had grown the tables six-fold past their statistics, and the service's plans suffered from it far
 * more than the bare engine's (docs/performance.md, "Two things a short run measured besides our code"). B's
 * runs, timed whole, are each preceded by an analysis instead ({@link #beforeTimedRun}).
 */
final class AutoAnalyze {
  /** Deals a side runs between two analyses while its database is still small. */
  static final int SMALLEST_BATCH = 100;

  private final Pg pg;
  private final boolean emulating;
  private final Map<String, Integer> dealsAnalyzed = new HashMap<>();
  private final Map<String, Integer> dealsRun = new HashMap<>();

  AutoAnalyze(Pg pg) throws java.sql.SQLException {
    this.pg = pg;
    this.emulating = !pg.autovacuum();
  }

  /** Whether the server runs no autovacuum of its own, so this one analyzes. */
  boolean emulating() {
    return emulating;
  }

  /**
   * Before a run that is timed whole (B's warm-up, saturated and paced runs), where autovacuum would have analyzed
   * during the run before. Without it a B run alone kept the plans its connections had cached while the tables were
   * nearly empty: sequential scans of the deal tables, even for look-ups by id (docs/performance.md).
   */
  void beforeTimedRun(String db) throws java.sql.SQLException {
    if (emulating) {
      pg.analyze(db);
    }
  }

  /**
   * Runs {@code count} deals on one side, its database analyzed between batches where autovacuum would have; returns
   * the CPU the runs used (the analyses left out), or zeros without a meter.
   */
  CpuMeter.Reading run(DealRun run, String db, int count, int workers, int firstNumber, CpuMeter cpu)
      throws Exception {
    CpuMeter.Reading used = new CpuMeter.Reading(0, 0, 0);
    int done = 0;
    while (done < count) {
      int batch = count - done;
      if (emulating) {
        int analyzed = dealsAnalyzed.getOrDefault(db, -1);
        int sinceThen = dealsRun.getOrDefault(db, 0) - analyzed;
        int allowed = Math.max(SMALLEST_BATCH, Math.max(analyzed, 0) / 10);
        if (analyzed < 0 || sinceThen >= allowed) {
          pg.analyze(db);
          dealsAnalyzed.put(db, dealsRun.getOrDefault(db, 0));
          sinceThen = 0;
        }
        batch = Math.min(batch, allowed - sinceThen);
      }
      CpuMeter.Reading before = cpu == null ? null : cpu.read(db);
      run.run(batch, workers, firstNumber + done);
      if (cpu != null) {
        used = used.plus(cpu.read(db).minus(before));
      }
      done += batch;
      dealsRun.merge(db, batch, Integer::sum);
    }
    return used;
  }
}
