package com.relais.crm.bench;

import java.io.StringReader;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Scenario D: customers and exchanges loaded in bulk with COPY into the tables Flyway made (indexes in place, as in
 * production), then the quick search and a customer's timeline page timed over HTTP as a sales user.
 */
final class SearchRun {
  private static final String[] TYPES = {"CALL", "LETTER", "NOTE", "MEETING", "REPORT", "TODO", "EMAIL", "SMS"};
  private static final int CHUNK = 50_000;

  final Stats search = new Stats();
  final Stats timeline = new Stats();
  double loadSeconds;
  long firstCustomer;
  long lastCustomer;

  final List<String> words = new ArrayList<>();
  private final Random random = new Random(7);

  SearchRun() {
    // 3000 made-up words of two or three syllables: each one appears in a few thousand exchanges out of a million
    String[] syllables = {"ba", "ce", "di", "fo", "gu", "la", "me", "ni", "po", "ru", "sa", "te", "vi", "zo", "mar",
        "bel", "tor", "quin", "dra", "plo"};
    Random r = new Random(11);
    while (words.size() < 3000) {
      String w = syllables[r.nextInt(syllables.length)] + syllables[r.nextInt(syllables.length)]
          + (r.nextBoolean() ? syllables[r.nextInt(syllables.length)] : "");
      if (!words.contains(w)) {
        words.add(w);
      }
    }
  }

  private String words(int count) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < count; i++) {
      if (i > 0) {
        s.append(' ');
      }
      s.append(words.get(random.nextInt(words.size())));
    }
    return s.toString();
  }

  void load(Connection connection, int customers, int exchanges) throws Exception {
    long start = System.nanoTime();
    connection.setAutoCommit(true);
    CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    try (Statement s = connection.createStatement()) {
      try (ResultSet rs = s.executeQuery("select coalesce(max(id), 0) from customer")) {
        rs.next();
        firstCustomer = rs.getLong(1) + 1;
      }
    }
    StringBuilder rows = new StringBuilder();
    for (int i = 0; i < customers; i++) {
      String name = capital(words(1)) + " " + capital(words(1)) + " " + i;
      rows.append(name).append('\t').append(name.toLowerCase().replace(' ', '.')).append("@example.com\t")
          .append(i % 5 == 0 ? "CUSTOMER" : "PROSPECT").append("\tWEBSITE\tbench\t").append(now).append('\t')
          .append(now).append('\n');
      if ((i + 1) % CHUNK == 0 || i == customers - 1) {
        copy.copyIn("copy customer (name, email, category, acquisition_source, created_by, created_at, updated_at) "
            + "from stdin", new StringReader(rows.toString()));
        rows.setLength(0);
      }
    }
    try (Statement s = connection.createStatement();
        ResultSet rs = s.executeQuery("select max(id) from customer")) {
      rs.next();
      lastCustomer = rs.getLong(1);
    }
    long span = lastCustomer - firstCustomer + 1;
    long threeYears = 3L * 365 * 24 * 3600;
    for (int i = 0; i < exchanges; i++) {
      // Logged as they happen: oldest first over three years, so the table's order follows time as in a real log
      // (docs/performance.md, on what a history imported in random order costs and how to fix it)
      Instant at = now.minusSeconds(threeYears * (exchanges - i) / exchanges - random.nextInt(600));
      boolean priv = random.nextInt(20) == 0;
      rows.append(TYPES[random.nextInt(TYPES.length)]).append('\t').append(words(4)).append('\t').append(words(14))
          .append('\t').append(at).append("\tDONE\t").append(priv).append('\t')
          .append(priv ? "manager" : "sales").append('\t').append(firstCustomer + random.nextLong(span)).append('\t')
          .append(at).append('\t').append(at).append('\n');
      if ((i + 1) % CHUNK == 0 || i == exchanges - 1) {
        copy.copyIn("copy communication (type, subject, details, starts_at, status, private_entry, author, customer_id,"
            + " created_at, updated_at) from stdin", new StringReader(rows.toString()));
        rows.setLength(0);
      }
    }
    try (Statement s = connection.createStatement()) {
      s.execute("analyze customer");
      s.execute("analyze communication");
    }
    loadSeconds = (System.nanoTime() - start) / 1e9;
  }

  private static String capital(String w) {
    return Character.toUpperCase(w.charAt(0)) + w.substring(1);
  }

  /** Warm-up, then {@code count} quick searches and {@code count} timeline pages of random customers. */
  void measure(String base, int count) {
    Http sales = new Http(base, "sales", null, null);
    Http timed = new Http(base, "sales", search, null);
    Http timedTimeline = new Http(base, "sales", timeline, null);
    Random r = new Random(3);
    for (int i = 0; i < 20; i++) {
      sales.get("/api/search?q=" + words.get(r.nextInt(words.size())));
      sales.get("/api/customers/" + (firstCustomer + r.nextLong(lastCustomer - firstCustomer + 1)) + "/timeline");
    }
    for (int i = 0; i < count; i++) {
      String q = words.get(r.nextInt(words.size()));
      var answer = timed.get("/api/search?q=" + q);
      if (answer.status() != 200) {
        throw new IllegalStateException("search " + q + ": " + answer);
      }
      long customer = firstCustomer + r.nextLong(lastCustomer - firstCustomer + 1);
      var page = timedTimeline.get("/api/customers/" + customer + "/timeline?page=0&size=20");
      if (page.status() != 200) {
        throw new IllegalStateException("timeline " + customer + ": " + page);
      }
    }
  }

  String sampleWord() {
    return words.get(0);
  }
}
