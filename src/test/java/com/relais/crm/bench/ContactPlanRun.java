package com.relais.crm.bench;

import com.relais.crm.identity.Teams;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.camunda.bpm.engine.IdentityService;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Scenario P: the day's contact plan for a growing customer base. Fifty staff in five teams; customers of every
 * category with ten exchanges each behind them (COPY, indexes in place); a manager asks for a day's plan over HTTP
 * and the clock runs until it is built (every customer weighed by the selection table, shared out, stored) and
 * until every contact's task exists. Done at a tenth of the size first, then at full size, for the way it scales.
 */
final class ContactPlanRun {
  private static final String[] CATEGORIES = {"PROSPECT", "PROSPECT", "PROSPECT", "PROSPECT", "CUSTOMER", "CUSTOMER",
      "CUSTOMER", "CUSTOMER", "KEY_ACCOUNT", "PARTNER", "INACTIVE"};
  private static final String[] TYPES = {"CALL", "LETTER", "NOTE", "MEETING", "EMAIL", "SMS"};
  private static final int STAFF = 50;
  private static final int TEAMS = 5;
  private static final int CHUNK = 50_000;

  record Build(int customers, double buildSeconds, double tasksSeconds, int contacts, int leftOver) {}

  final List<Build> builds = new ArrayList<>();
  double loadSeconds;

  private final Random random = new Random(17);
  private final List<String> staff = new ArrayList<>();

  void staffInTeams(ConfigurableApplicationContext context) {
    IdentityService identity = context.getBean(IdentityService.class);
    Teams teams = context.getBean(Teams.class);
    for (int t = 0; t < TEAMS; t++) {
      String manager = "benchlead" + t;
      newUser(identity, manager, "managers");
      List<String> members = new ArrayList<>();
      for (int m = 0; m < STAFF / TEAMS; m++) {
        String member = "benchstaff" + t + "x" + m;
        newUser(identity, member, "sales");
        members.add(member);
        staff.add(member);
      }
      teams.create("Bench team " + t, manager, members);
    }
  }

  private static void newUser(IdentityService identity, String id, String group) {
    var user = identity.newUser(id);
    user.setFirstName(id);
    user.setLastName("Bench");
    user.setPassword(id);
    identity.saveUser(user);
    identity.createMembership(id, group);
  }

  /** Adds customers and ten exchanges each (done contacts and notes over three years). */
  void load(Connection connection, int customers) throws Exception {
    long start = System.nanoTime();
    connection.setAutoCommit(true);
    CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    long first;
    try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(
        "select coalesce(max(id), 0) from customer")) {
      rs.next();
      first = rs.getLong(1) + 1;
    }
    StringBuilder rows = new StringBuilder();
    for (int i = 0; i < customers; i++) {
      String name = "Plan customer " + (first + i);
      rows.append(name).append('\t').append("c").append(first + i).append("@example.com\t+3361234")
          .append(String.format("%04d", i % 10000)).append('\t').append(CATEGORIES[random.nextInt(CATEGORIES.length)])
          .append("\tWEBSITE\t").append(random.nextBoolean()).append('\t').append(random.nextInt(4) == 0).append('\t')
          .append(staff.get(random.nextInt(staff.size()))).append('\t').append(now).append('\t').append(now)
          .append('\n');
      if ((i + 1) % CHUNK == 0 || i == customers - 1) {
        copy.copyIn("copy customer (name, email, phone, category, acquisition_source, email_consent, sms_consent,"
            + " created_by, created_at, updated_at) from stdin", new StringReader(rows.toString()));
        rows.setLength(0);
      }
    }
    long threeYears = 3L * 365 * 24 * 3600;
    int exchanges = customers * 10;
    for (int i = 0; i < exchanges; i++) {
      Instant at = now.minusSeconds(threeYears * (exchanges - i) / exchanges - random.nextInt(600));
      rows.append(TYPES[random.nextInt(TYPES.length)]).append("\tBench exchange\t").append(at).append("\tDONE\t")
          .append(staff.get(random.nextInt(staff.size()))).append('\t').append(first + random.nextInt(customers))
          .append('\t').append(at).append('\t').append(at).append('\n');
      if ((i + 1) % CHUNK == 0 || i == exchanges - 1) {
        copy.copyIn("copy communication (type, subject, starts_at, status, author, customer_id, created_at,"
            + " updated_at) from stdin", new StringReader(rows.toString()));
        rows.setLength(0);
      }
    }
    try (Statement s = connection.createStatement()) {
      s.execute("analyze customer");
      s.execute("analyze communication");
    }
    loadSeconds += (System.nanoTime() - start) / 1e9;
  }

  /** A manager asks for the day's plan; timed until it is built and until every contact's task exists. */
  void build(ConfigurableApplicationContext context, String base, LocalDate day, int customers) throws Exception {
    JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
    Http manager = new Http(base, "benchlead0", null, null);
    long start = System.nanoTime();
    var answer = manager.post("/api/contact-plans", Map.of("date", day.toString()));
    if (answer.status() != 201) {
      throw new IllegalStateException("plan of " + day + ": " + answer);
    }
    double built = waitFor(start, () -> "BUILT".equals(jdbc.queryForObject(
        "select status from contact_plan where plan_date = ?", String.class, day)));
    double started = waitFor(start, () -> jdbc.queryForObject("select count(*) from contact_entry where plan_date = ?"
        + " and task_id is null", Long.class, day) == 0);
    int contacts = jdbc.queryForObject("select contact_count from contact_plan where plan_date = ?", Integer.class,
        day);
    int leftOver = jdbc.queryForObject("select left_over from contact_plan where plan_date = ?", Integer.class, day);
    builds.add(new Build(customers, built, started, contacts, leftOver));
  }

  private static double waitFor(long start, java.util.function.BooleanSupplier done) throws InterruptedException {
    long deadline = System.nanoTime() + 20L * 60 * 1_000_000_000L;
    while (!done.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("the contact plan was not ready within 20 minutes");
      }
      Thread.sleep(100);
    }
    return (System.nanoTime() - start) / 1e9;
  }
}
