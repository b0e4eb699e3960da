package com.relais.crm.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

/**
 * CPU time spent while one side works, summed over the three processes a deal runs in: this JVM, the S3 endpoint's
 * JVM and the PostgreSQL backends of the side's database (read from /proc, so only when the server runs on this
 * host). Unlike deals per second, CPU per deal hardly moves when other programs share the machine, so it is the
 * figure to compare between runs on a busy machine.
 */
final class CpuMeter {
  private static final long NANOS_PER_TICK = 10_000_000L; // USER_HZ is 100 on Linux

  record Reading(long jvmNanos, long s3Nanos, long dbNanos) {
    Reading minus(Reading other) {
      return new Reading(jvmNanos - other.jvmNanos, s3Nanos - other.s3Nanos, dbNanos - other.dbNanos);
    }

    Reading plus(Reading other) {
      return new Reading(jvmNanos + other.jvmNanos, s3Nanos + other.s3Nanos, dbNanos + other.dbNanos);
    }

    long totalNanos() {
      return jvmNanos + s3Nanos + dbNanos;
    }
  }

  private final ExternalS3 s3;
  private final Pg pg;
  private final boolean localDatabase;

  CpuMeter(ExternalS3 s3, Pg pg) {
    this.s3 = s3;
    this.pg = pg;
    this.localDatabase = pg.serverUrl.contains("//127.0.0.1") || pg.serverUrl.contains("//localhost");
  }

  boolean measuresDatabase() {
    return localDatabase && Files.isReadable(Path.of("/proc/self/stat"));
  }

  Reading read(String database) throws Exception {
    long jvm = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
    return new Reading(jvm, s3.cpuNanos(), measuresDatabase() ? backendNanos(database) : 0);
  }

  /** The connection pool keeps its backends, so their counters cover the side's work between two readings. */
  private long backendNanos(String database) throws Exception {
    List<Long> pids = new ArrayList<>();
    try (Connection c = pg.connect(database);
        PreparedStatement q = c.prepareStatement(
            "select pid from pg_stat_activity where datname = ? and pid <> pg_backend_pid()")) {
      q.setString(1, database);
      try (ResultSet rs = q.executeQuery()) {
        while (rs.next()) {
          pids.add(rs.getLong(1));
        }
      }
    }
    long ticks = 0;
    for (long pid : pids) {
      Path stat = Path.of("/proc", Long.toString(pid), "stat");
      try {
        String line = Files.readString(stat);
        // the command name may hold spaces; the fields after its closing parenthesis are fixed
        String[] fields = line.substring(line.lastIndexOf(')') + 2).split(" ");
        ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime
      } catch (java.io.IOException gone) {
        // a backend that ended between the query and the read took its counters with it
      }
    }
    return ticks * NANOS_PER_TICK;
  }
}
