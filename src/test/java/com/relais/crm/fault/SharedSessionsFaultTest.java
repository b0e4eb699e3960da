package com.relais.crm.fault;

import static com.relais.crm.fault.HttpDeals.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.relais.crm.web.StaffAppSession;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Two nodes on one database behind a round-robin proxy of the test's own ({@link RoundRobinProxy}, what nginx does in
 * docker-compose), as the staff meet them: a user logs in to the staff web app through the proxy (the login page and
 * the login itself already served by different nodes), opens pages, and reads Tasklist's own API with the same
 * login. The node that served the login is killed: through the proxy, the same cookies still open the pages, the
 * CSRF token of the page seen before the kill still logs an exchange, and Tasklist's API still reads and claims a task
 * with its XSRF token, all on the other node, without a new login (the session is a row of http_session).
 *
 * Before the kill, with both nodes' job executors racing for the same timers: a contact plan asked of both nodes at
 * once is claimed by one, built once and its contacts started once; the morning timer of the contact plan and the
 * monthly report's timer, made due through /engine-rest, each start one instance, and the report is built once.
 */
class SharedSessionsFaultTest {
  private static final ZoneId COMPANY_ZONE = ZoneId.of("Europe/Paris");
  private static final String TASKLIST_API = "/camunda/api/engine/engine/default";

  @Test
  void aLoggedInUserKeepsWorkingWhenTheirNodeDiesAndTimedWorkIsBuiltOnce() throws Exception {
    try (FaultDatabase db = FaultDatabase.onSharedServer();
        StandaloneS3 s3 = new StandaloneS3(Path.of("target", "fault-s3", "shared-sessions-" + UUID.randomUUID()))) {
      var settings = ChildNode.defaults(db.url(), FaultDatabase.USER, FaultDatabase.PASSWORD, s3);
      // behind a proxy, as docker-compose runs them: the forwarded headers are read (Tomcat's remote IP valve)
      settings.put("server.forward-headers-strategy", "native");
      // one after the other: the first start creates the engine schema and the demo users
      try (ChildNode a = new ChildNode("node-a", named(settings, "node-a")).start();
          ChildNode b = new ChildNode("node-b", named(settings, "node-b")).start();
          RoundRobinProxy proxy = new RoundRobinProxy(List.of(a, b))) {
        long deal = HttpDeals.open(a, "Shared Session Customer", 15000);
        long customer = Rest.as(a, "sales").get("/api/opportunities/" + deal).json().path("customerId").asLong();

        // --- both nodes up: the user logs in through the proxy and works
        StaffAppSession user = new StaffAppSession(proxy.port());
        List<String> servedBy = new ArrayList<>();
        HttpResponse<String> login = user.logIn("sales");
        servedBy.add(node(login));
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).doesNotContain("error"));
        String loginNode = node(login);
        String sessionCookie = user.cookie("JSESSIONID").orElseThrow();

        servedBy.add(node(page(user, "/today")));
        servedBy.add(node(page(user, "/customers")));
        HttpResponse<String> customerPage = page(user, "/customers/" + customer);
        servedBy.add(node(customerPage));
        assertThat(customerPage.body()).contains("Shared Session Customer");
        String pageToken = user.csrf();
        assertThat(pageToken).as("the customer page's CSRF token").isNotBlank();

        // Tasklist with the same login: its page gives the XSRF-TOKEN cookie, its API lists the deal's task
        servedBy.add(node(user.get("/camunda/app/tasklist/default/")));
        String xsrf = user.cookie("XSRF-TOKEN").orElseThrow(() -> new AssertionError("no XSRF-TOKEN cookie"));
        JsonNode task = await("the deal's first task in Tasklist's API", () -> {
          JsonNode tasks = tasklist(user, "/task?processInstanceBusinessKey=" + deal, xsrf);
          return tasks.size() == 1 ? tasks.get(0) : null;
        });
        assertThat(task.path("taskDefinitionKey").asText()).isEqualTo("userTask_qualifyProspect");
        assertThat(servedBy).as("round robin: both nodes served the one session").contains("node-a", "node-b");

        // --- both nodes up: the timed work is done once
        contactPlanAskedOfBothNodesIsBuiltOnce(db, a, b);
        timerStartsOneInstance(db, a, "contact-plan", "startEvent_workingDayMorning");
        timerStartsOneInstance(db, a, "monthly-report", "startEvent_firstOfMonth");
        monthlyReportBuiltOnce(db);

        // --- the node that served the login dies
        ChildNode dead = loginNode.equals(a.name()) ? a : b;
        ChildNode survivor = dead == a ? b : a;
        dead.kill();
        System.out.printf("%s (which served the login) killed; %s serves the session alone%n", dead.name(),
            survivor.name());

        // a change with the token of the page seen before the kill
        String subject = "Called after the node died " + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> logged = user.postForm("/customers/" + customer + "/exchanges",
            Map.of("type", "CALL", "subject", subject, "clientKey", UUID.randomUUID().toString()),
            "X-Relais-Queue", "1", "X-CSRF-TOKEN", pageToken);
        assertThat(logged.statusCode()).as(logged.body()).isEqualTo(201);
        assertThat(node(logged)).isEqualTo(survivor.name());
        assertThat(db.count("select count(*) from communication where customer_id = ? and subject = ? and author = ?",
            customer, subject, "sales")).isOne();

        HttpResponse<String> after = page(user, "/customers/" + customer);
        assertThat(node(after)).isEqualTo(survivor.name());
        assertThat(after.body()).contains(subject);
        assertThat(page(user, "/today").statusCode()).isEqualTo(200);

        // Tasklist's API on the survivor: the same read, and a claim with the XSRF token of before the kill
        assertThat(tasklist(user, "/task?processInstanceBusinessKey=" + deal, xsrf)).hasSize(1);
        String taskId = task.path("id").asText();
        HttpResponse<String> claim = user.postJson(TASKLIST_API + "/task/" + taskId + "/claim",
            "{\"userId\":\"sales\"}", "X-XSRF-TOKEN", xsrf);
        assertThat(claim.statusCode()).as(claim.headers().map() + " " + claim.body()).isEqualTo(204);
        assertThat(node(claim)).isEqualTo(survivor.name());
        assertThat(db.strings("select assignee_ from act_ru_task where id_ = ?", taskId)).containsExactly("sales");

        // no new login: the session cookie is the one of the login, and its row is still there
        assertThat(user.cookie("JSESSIONID")).hasValue(sessionCookie);
        assertThat(db.count("select count(*) from http_session where session_id = ?",
            new String(Base64.getDecoder().decode(sessionCookie), StandardCharsets.UTF_8))).isOne();
      }
    }
  }

  /** A page through the proxy: 200, never the login page. */
  private static HttpResponse<String> page(StaffAppSession user, String path) throws Exception {
    HttpResponse<String> page = user.get(path);
    assertThat(page.statusCode()).as("%s from %s: %s", path, node(page), page.headers().firstValue("Location"))
        .isEqualTo(200);
    return page;
  }

  private static JsonNode tasklist(StaffAppSession user, String path, String xsrf) {
    try {
      HttpResponse<String> answer = user.get(TASKLIST_API + path, "Accept", "application/json", "X-XSRF-TOKEN", xsrf);
      assertThat(answer.statusCode()).as("%s from %s: %s", path, node(answer), answer.body()).isEqualTo(200);
      return Rest.JSON.readTree(answer.body());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String node(HttpResponse<String> response) {
    return response.headers().firstValue(RoundRobinProxy.NODE_HEADER).orElse("?");
  }

  /**
   * A manager asks both nodes at once for the plan of a day ahead: one claims the day (201), the other is told it has
   * one (409); the plan is built by one job, once, and each of its contacts starts one process.
   */
  private static void contactPlanAskedOfBothNodesIsBuiltOnce(FaultDatabase db, ChildNode a, ChildNode b)
      throws Exception {
    // key accounts never contacted: the selection table picks them
    for (int i = 0; i < 3; i++) {
      Rest.Reply created = Rest.as(a, "sales").post("/api/customers", Map.of("name", "Key Account " + i,
          "category", "KEY_ACCOUNT", "acquisitionSource", "WEBSITE"));
      assertThat(created.status()).as(created.toString()).isEqualTo(201);
    }
    LocalDate day = LocalDate.now(COMPANY_ZONE).plusDays(2);
    Map<String, Object> request = Map.of("date", day.toString());
    var fromA = CompletableFuture.supplyAsync(() -> Rest.as(a, "manager").post("/api/contact-plans", request));
    var fromB = CompletableFuture.supplyAsync(() -> Rest.as(b, "manager").post("/api/contact-plans", request));
    assertThat(List.of(fromA.get().status(), fromB.get().status())).as("%s / %s", fromA.get(), fromB.get())
        .containsExactlyInAnyOrder(201, 409);

    String key = day.toString();
    await("the plan of " + key + " built and its contacts started", sql(() -> db.count("select count(*) from"
        + " act_hi_procinst where proc_def_key_ = 'contact-plan' and business_key_ = ? and state_ = 'COMPLETED'", key)
        == 1 ? Boolean.TRUE : null));
    assertThat(db.count("select count(*) from act_hi_procinst where proc_def_key_ = 'contact-plan'"
        + " and business_key_ = ?", key)).as("plan instances of the day").isOne();
    assertThat(db.strings("select status from contact_plan where plan_date = ?", day)).containsExactly("BUILT");
    assertThat(db.count("select count(*) from act_hi_job_log where process_def_key_ = 'contact-plan'"
        + " and act_id_ = 'serviceTask_buildPlan' and job_state_ = 2")).as("successful builds").isOne();
    long entries = db.count("select count(*) from contact_entry where plan_date = ?", day);
    assertThat(entries).as("contacts of the plan").isPositive();
    assertThat(db.count("select count(*) from contact_entry where plan_date = ? and (started = false"
        + " or process_instance_id is null)", day)).isZero();
    assertThat(db.count("select count(*) from act_hi_procinst where proc_def_key_ = 'customer-contact'"
        + " and business_key_ = ?", key)).as("one contact process per entry").isEqualTo(entries);
    System.out.printf("Plan of %s: %d contacts, built by %s%n", key, entries, db.strings("select hostname_ from"
        + " act_hi_job_log where act_id_ = 'serviceTask_buildPlan' and job_state_ = 2"));
  }

  /**
   * Makes a process's start timer due now: both job executors see it, one runs it, and it starts one instance. The
   * engine then schedules the next occurrence as a new job, which stays in the future.
   */
  private static void timerStartsOneInstance(FaultDatabase db, ChildNode node, String processKey, String startEvent)
      throws Exception {
    Rest admin = Rest.as(node, "admin");
    JsonNode job = await("the start timer of " + processKey, () -> {
      JsonNode jobs = admin.get("/engine-rest/job?timers=true&processDefinitionKey=" + processKey).json();
      return jobs.size() == 1 ? jobs.get(0) : null;
    });
    Rest.Reply due = admin.put("/engine-rest/job/" + job.path("id").asText() + "/duedate",
        Map.of("duedate", "2020-01-01T00:00:00.000+0000"));
    assertThat(due.status()).as(due.toString()).isEqualTo(204);
    String started = "select count(*) from act_hi_procinst where proc_def_key_ = ? and start_act_id_ = ?";
    await(processKey + " started by its timer and ended", sql(() -> db.count(started + " and state_ = 'COMPLETED'",
        processKey, startEvent) >= 1 ? Boolean.TRUE : null));
    ChildNode.pause(java.time.Duration.ofSeconds(2));
    assertThat(db.count(started, processKey, startEvent)).as("%s instances its timer started", processKey).isOne();
    assertThat(db.count("select count(*) from act_hi_job_log where job_id_ = ? and job_state_ = 2",
        job.path("id").asText())).as("successful runs of the %s timer", processKey).isOne();
    System.out.printf("The %s timer ran on %s%n", processKey, db.strings("select hostname_ from act_hi_job_log"
        + " where job_id_ = ? and job_state_ = 2", job.path("id").asText()));
  }

  /** The month the timer chose is built once, by the system, and no manager is mailed twice. */
  private static void monthlyReportBuiltOnce(FaultDatabase db) throws SQLException {
    assertThat(db.strings("select built_by from monthly_report")).containsExactly("system");
    assertThat(db.count("select count(*) from act_hi_job_log where process_def_key_ = 'monthly-report'"
        + " and act_id_ = 'serviceTask_buildReport' and job_state_ = 2")).as("successful builds").isOne();
    assertThat(db.count("select count(*) from act_hi_job_log where process_def_key_ = 'monthly-report'"
        + " and act_id_ = 'serviceTask_mailReport' and job_state_ = 2")).as("successful mailings").isOne();
    assertThat(db.strings("select incident_msg_ from act_ru_incident")).as("incidents").isEmpty();
  }

  /** The engine records this name with every job it runs, so the test can tell the nodes' work apart. */
  private static Map<String, String> named(Map<String, String> settings, String name) {
    Map<String, String> named = new LinkedHashMap<>(settings);
    named.put("camunda.bpm.generic-properties.properties.hostname", name);
    return named;
  }

  private interface SqlProbe<T> {
    T get() throws SQLException;
  }

  private static <T> Supplier<T> sql(SqlProbe<T> probe) {
    return () -> {
      try {
        return probe.get();
      } catch (SQLException e) {
        throw new IllegalStateException(e);
      }
    };
  }
}
