package com.relais.crm.bench;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Random;
import java.util.UUID;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Scenario M: the manager's desk over a large book. Deals (COPY) spread over the stages, owners and the coming year's
 * months of expected close, a third of them closed (won or lost, with their stage history), and the engine's activity
 * history of their sale tasks (five completed tasks per deal, with durations), which the dashboard's usual stage
 * times are worked out from. Then an admin reads the dashboard and the forecast over HTTP, one after the other, many
 * times: p50 and p95 of each, the first dashboard read (its stage times not yet kept) apart.
 */
final class ManagerDeskRun {
  private static final String[] OPEN = {"SALE_1_PROSPECT", "SALE_2_QUALIFIED", "SALE_3_PROPOSAL", "SALE_4_NEGOTIATION",
      "SALE_5_SIGNATURE"};
  private static final String[] TASKS = {"userTask_qualifyProspect", "userTask_prepareProposal",
      "userTask_followUpProposal", "userTask_negotiate", "userTask_sendDeliveryNote"};
  private static final int CHUNK = 20_000;
  private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  double loadSeconds;
  double firstDashboardMs;
  long[] dashboardNanos;
  long[] forecastNanos;

  void load(Connection connection, int deals) throws Exception {
    long start = System.nanoTime();
    connection.setAutoCommit(true);
    CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
    Random random = new Random(23);
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    LocalDate today = LocalDate.now();
    long customer;
    try (Statement s = connection.createStatement()) {
      ResultSet keys = s.executeQuery("insert into customer (name, category, acquisition_source, created_by,"
          + " created_at, updated_at) values ('Desk bench customer', 'CUSTOMER', 'WEBSITE', 'bench', now(), now())"
          + " returning id");
      keys.next();
      customer = keys.getLong(1);
    }
    long first;
    try (Statement s = connection.createStatement();
        ResultSet rs = s.executeQuery("select coalesce(max(id), 0) from opportunity")) {
      rs.next();
      first = rs.getLong(1) + 1;
    }
    String definition;
    try (Statement s = connection.createStatement();
        ResultSet rs = s.executeQuery("select id_ from act_re_procdef where key_ = 'sale' order by version_ desc"
            + " limit 1")) {
      rs.next();
      definition = rs.getString(1);
    }
    StringBuilder opportunities = new StringBuilder();
    StringBuilder changes = new StringBuilder();
    StringBuilder activities = new StringBuilder();
    for (int i = 0; i < deals; i++) {
      long id = first + i;
      boolean closed = i % 3 == 0;
      String stage = closed ? (random.nextInt(10) < 4 ? "SALE_6_WON" : "SALE_LOST") : OPEN[random.nextInt(5)];
      LocalDate close = today.plusDays(random.nextInt(365) - 30);
      Instant created = now.minus(30 + random.nextInt(300), ChronoUnit.DAYS);
      String owner = "benchstaff" + random.nextInt(5) + "x" + random.nextInt(10);
      opportunities.append(id).append('\t').append(customer).append("\tDesk deal ").append(i).append('\t')
          .append(500 + random.nextInt(50_000)).append("\tEUR\t").append(owner).append('\t').append(close).append('\t')
          .append(stage).append('\t').append(created).append('\t').append(created).append('\n');
      if (closed) {
        Instant at = now.minus(random.nextInt(180), ChronoUnit.DAYS);
        changes.append(id).append("\tSALE_4_NEGOTIATION\t").append(stage).append('\t').append(owner).append('\t')
            .append(at).append('\n');
      }
      String instance = UUID.randomUUID().toString();
      Instant taskStart = created;
      for (String task : TASKS) {
        long millis = 3_600_000L * (1 + random.nextInt(24 * 10));
        Instant taskEnd = taskStart.plusMillis(millis);
        if (taskEnd.isAfter(now)) {
          break;
        }
        activities.append(UUID.randomUUID()).append("\tsale\t").append(definition).append('\t').append(instance)
            .append('\t').append(instance).append('\t').append(task).append('\t').append(task).append("\tuserTask\t")
            .append(taskStart).append('\t').append(taskEnd).append('\t').append(millis).append('\n');
        taskStart = taskEnd;
      }
      if ((i + 1) % CHUNK == 0 || i == deals - 1) {
        copy.copyIn("copy opportunity (id, customer_id, title, amount, currency, owner, expected_close_date, stage,"
            + " created_at, updated_at) from stdin", new StringReader(opportunities.toString()));
        copy.copyIn("copy stage_change (opportunity_id, from_stage, to_stage, changed_by, changed_at) from stdin",
            new StringReader(changes.toString()));
        copy.copyIn("copy act_hi_actinst (id_, proc_def_key_, proc_def_id_, proc_inst_id_, execution_id_, act_id_,"
            + " act_name_, act_type_, start_time_, end_time_, duration_) from stdin",
            new StringReader(activities.toString()));
        opportunities.setLength(0);
        changes.setLength(0);
        activities.setLength(0);
      }
    }
    try (Statement s = connection.createStatement()) {
      s.execute("select setval(pg_get_serial_sequence('opportunity', 'id'), (select max(id) from opportunity))");
      s.execute("analyze opportunity");
      s.execute("analyze stage_change");
      s.execute("analyze act_hi_actinst");
    }
    loadSeconds = (System.nanoTime() - start) / 1e9;
  }

  void read(String base, int reads) throws Exception {
    String auth = "Basic " + Base64.getEncoder().encodeToString("admin:admin".getBytes(StandardCharsets.UTF_8));
    long first = System.nanoTime();
    get(base + "/api/dashboard", auth);
    firstDashboardMs = (System.nanoTime() - first) / 1e6;
    dashboardNanos = new long[reads];
    forecastNanos = new long[reads];
    String forecast = base + "/api/reports/forecast?to=" + java.time.YearMonth.now().plusMonths(11);
    for (int i = 0; i < reads; i++) {
      long start = System.nanoTime();
      get(base + "/api/dashboard", auth);
      dashboardNanos[i] = System.nanoTime() - start;
      start = System.nanoTime();
      get(forecast, auth);
      forecastNanos[i] = System.nanoTime() - start;
    }
  }

  private static void get(String url, String auth) throws Exception {
    HttpResponse<String> answer = CLIENT.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", auth)
        .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString());
    if (answer.statusCode() != 200) {
      throw new IllegalStateException(url + " answered " + answer.statusCode() + ": " + answer.body());
    }
  }
}
