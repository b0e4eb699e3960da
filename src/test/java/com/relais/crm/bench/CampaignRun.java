package com.relais.crm.bench;

import java.io.StringReader;
import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Scenario K: a promotional e-mail campaign to a large audience, three in four of whom agreed to it. Customers are
 * loaded with COPY in a category of their own; sales defines the campaign over HTTP, a manager approves it through
 * /engine-rest as Tasklist does, and the clock runs until every recipient has their message queued and the text in
 * their history, then until the in-process SMTP server has every mail. The heap after a GC is read before and after.
 */
final class CampaignRun {
  private static final String CATEGORY = "BENCH_CAMPAIGN";
  private static final int CHUNK = 50_000;

  double loadSeconds;
  double audienceMillis;
  double queuedSeconds;
  double deliveredSeconds;
  long sent;
  long excluded;
  double heapBeforeMb;
  double heapAfterMb;

  void load(Connection connection, int customers) throws Exception {
    long start = System.nanoTime();
    connection.setAutoCommit(true);
    try (Statement s = connection.createStatement()) {
      s.execute("insert into customer_category (code, label, active, built_in, position) values ('" + CATEGORY
          + "', 'Bench campaign', true, false, 900)");
    }
    CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    StringBuilder rows = new StringBuilder();
    for (int i = 0; i < customers; i++) {
      boolean consent = i % 4 != 0;
      rows.append("Campaign reader ").append(i).append('\t').append("reader").append(i).append("@example.com\t")
          .append(CATEGORY).append("\tWEBSITE\t").append(consent).append('\t').append(consent ? now : "\\N")
          .append('\t').append(consent ? "web form" : "\\N").append("\tbench\t").append(now).append('\t').append(now)
          .append('\n');
      if ((i + 1) % CHUNK == 0 || i == customers - 1) {
        copy.copyIn("copy customer (name, email, category, acquisition_source, email_consent, email_consent_at,"
            + " email_consent_how, created_by, created_at, updated_at) from stdin", new StringReader(rows.toString()));
        rows.setLength(0);
      }
    }
    try (Statement s = connection.createStatement()) {
      s.execute("analyze customer");
    }
    loadSeconds = (System.nanoTime() - start) / 1e9;
  }

  double dealsPerSecondAlone;
  double dealsPerSecondDuring;

  /**
   * Deals driven through the Java API (scenario A's script) with nothing else running, then the same number while
   * the campaign goes out: how much a sending slows the daily work.
   */
  void run(ConfigurableApplicationContext context, String base, int customers, DealRun warmUp, DealRun alone,
      DealRun during, int deals) throws Exception {
    warmUp.run(deals / 2, 4, 7_000_000);
    alone.run(deals, 4, 7_100_000);
    dealsPerSecondAlone = alone.dealsPerSecond();
    Thread[] alongside = new Thread[1];
    Exception[] failed = new Exception[1];
    run(context, base, customers, () -> {
      alongside[0] = new Thread(() -> {
        try {
          during.run(deals, 4, 7_200_000);
        } catch (Exception e) {
          failed[0] = e;
        }
      }, "deals-during-campaign");
      alongside[0].start();
    });
    alongside[0].join();
    if (failed[0] != null) {
      throw failed[0];
    }
    dealsPerSecondDuring = during.dealsPerSecond();
  }

  void run(ConfigurableApplicationContext context, String base, int customers, Runnable onApproval) throws Exception {
    JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
    Http sales = new Http(base, "sales", null, null);
    Http manager = new Http(base, "manager", null, null);
    var created = sales.post("/api/campaigns", Map.of("name", "Bench campaign", "channel", "EMAIL", "purpose",
        "PROMOTIONAL", "subject", "Our news, {{name}}", "text", "Dear {{name}}, here is what is new this month.",
        "audience", Map.of("categories", List.of(CATEGORY))));
    long id = number(created.body(), "\"id\":");
    long start = System.nanoTime();
    sales.get("/api/campaigns/" + id + "/audience");
    audienceMillis = (System.nanoTime() - start) / 1e6;
    sales.post("/api/campaigns/" + id + "/submit", Map.of());
    heapBeforeMb = heapAfterGcMb();
    String task = jdbc.queryForObject("select t.id_ from act_ru_task t join act_ru_execution e"
        + " on e.id_ = t.proc_inst_id_ where e.business_key_ = ?", String.class, "campaign-" + id);
    start = System.nanoTime();
    var approved = manager.post("/engine-rest/task/" + task + "/complete", Map.of("variables",
        Map.of("campaignApproved", Map.of("value", true))));
    if (approved.status() != 204) {
      throw new IllegalStateException("approval: " + approved);
    }
    onApproval.run();
    waitFor(() -> "SENT".equals(jdbc.queryForObject("select status from campaign where id = ?", String.class, id)));
    queuedSeconds = (System.nanoTime() - start) / 1e9;
    sent = jdbc.queryForObject("select count(*) from campaign_recipient where campaign_id = ? and status = 'SENT'",
        Long.class, id);
    excluded = jdbc.queryForObject("select count(*) from campaign_recipient where campaign_id = ?"
        + " and status = 'EXCLUDED_NO_CONSENT'", Long.class, id);
    waitFor(() -> jdbc.queryForObject("select count(*) from outbox_message where purpose = ? and status = 'SENT'",
        Long.class, "campaign:" + id) >= sent);
    deliveredSeconds = (System.nanoTime() - start) / 1e9;
    // the in-process SMTP server keeps every mail it received in this heap: it is the test's sink, not the service
    context.getBean(com.relais.crm.messaging.MailSink.class).clear();
    heapAfterMb = heapAfterGcMb();
  }

  private static double heapAfterGcMb() {
    System.gc();
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / 1048576.0;
  }

  private static long number(String json, String field) {
    int at = json.indexOf(field) + field.length();
    int end = at;
    while (end < json.length() && Character.isDigit(json.charAt(end))) {
      end++;
    }
    return Long.parseLong(json.substring(at, end));
  }

  private static void waitFor(java.util.function.BooleanSupplier done) throws InterruptedException {
    long deadline = System.nanoTime() + 60L * 60 * 1_000_000_000L;
    while (!done.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("the campaign was not sent within an hour");
      }
      Thread.sleep(200);
    }
  }
}
