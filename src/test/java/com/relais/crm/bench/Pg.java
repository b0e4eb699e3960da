package com.relais.crm.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The PostgreSQL server the benchmark runs against: BENCH_DB_URL (a JDBC URL of any database on that server,
 * default jdbc:postgresql://127.0.0.1:5432/postgres), BENCH_DB_USER (postgres), BENCH_DB_PASSWORD (empty). Each
 * run creates fresh databases beside it and drops them at the end.
 */
final class Pg {
  final String serverUrl;
  final String user;
  final String password;

  Pg() {
    serverUrl = env("BENCH_DB_URL", "jdbc:postgresql://127.0.0.1:5432/postgres");
    user = env("BENCH_DB_USER", "postgres");
    password = env("BENCH_DB_PASSWORD", "");
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }

  /** The URL of database {@code name} on the same server (query parameters kept). */
  String urlOf(String name) {
    int slash = serverUrl.indexOf('/', "jdbc:postgresql://".length());
    int query = serverUrl.indexOf('?');
    String base = serverUrl.substring(0, slash + 1);
    return base + name + (query < 0 ? "" : serverUrl.substring(query));
  }

  Connection connect(String database) throws SQLException {
    return DriverManager.getConnection(database == null ? serverUrl : urlOf(database), user, password);
  }

  void create(String database) throws SQLException {
    try (Connection c = connect(null); Statement s = c.createStatement()) {
      s.execute("create database " + database);
    }
  }

  void drop(String database) {
    try (Connection c = connect(null); Statement s = c.createStatement()) {
      s.execute("drop database if exists " + database + " with (force)");
    } catch (SQLException e) {
      System.out.println("[bench] could not drop " + database + ": " + e.getMessage());
    }
  }

  /**
   * Commits of the database, rows it wrote (inserted + updated + deleted) and rows its sequential scans read, as the
   * statistics collector sees them. The last grows with a table's size for every statement that finds no index, so
   * it shows a missing index (or a plan made on an empty table) that a timing would hide in the noise.
   */
  record Counters(long commits, long rowsWritten, long rowsScanned) {
    Counters minus(Counters earlier) {
      return new Counters(commits - earlier.commits, rowsWritten - earlier.rowsWritten,
          rowsScanned - earlier.rowsScanned);
    }
  }

  /** Whether the server runs autovacuum, and with it the automatic ANALYZE that keeps the planner's statistics. */
  boolean autovacuum() throws SQLException {
    try (Connection c = connect(null); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("show autovacuum")) {
      rs.next();
      return "on".equalsIgnoreCase(rs.getString(1));
    }
  }

  /** The planner's statistics of every table of a database brought up to date, as the automatic ANALYZE does. */
  void analyze(String database) throws SQLException {
    try (Connection c = connect(database); Statement s = c.createStatement()) {
      s.execute("analyze");
    }
  }

  Counters counters(String database) throws SQLException {
    try (Connection c = connect(database); Statement s = c.createStatement()) {
      s.execute("select pg_stat_clear_snapshot()");
      long commits;
      try (ResultSet rs = s.executeQuery("select xact_commit from pg_stat_database where datname = current_database()")) {
        rs.next();
        commits = rs.getLong(1);
      }
      try (ResultSet rs = s.executeQuery("select coalesce(sum(n_tup_ins + n_tup_upd + n_tup_del), 0),"
          + " coalesce(sum(seq_tup_read), 0) from pg_stat_user_tables")) {
        rs.next();
        // this connection's own two reads are commits too; they are few against thousands
        return new Counters(commits, rs.getLong(1), rs.getLong(2));
      }
    }
  }
}
