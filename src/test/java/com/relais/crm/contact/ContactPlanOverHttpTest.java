package com.relais.crm.contact;

import static com.relais.crm.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.relais.crm.Api;
import com.relais.crm.StaffForTests;
import com.relais.crm.HttpTest;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

/**
 * A whole day of a team over HTTP: a manager asks for the day's plan, two members record their contacts as Tasklist
 * does (/engine-rest), one contact is missed and reaches the manager at the deadline, and the planned-versus-done
 * report, in JSON, CSV and PDF, shows what happened person by person. Then the next plan carries the call-back and
 * the missed customer. Each run uses team members of its own and days that have no plan yet.
 */
@HttpTest
class ContactPlanOverHttpTest {
  @Autowired TestRestTemplate rest;
  @Autowired IdentityService identityService;
  @Autowired ManagementService managementService;
  @Autowired TaskService taskService;
  @Autowired org.camunda.bpm.engine.HistoryService historyService;
  @Autowired WorkingDays workingDays;

  private final String run = UUID.randomUUID().toString().substring(0, 6);
  private final String memberA = "pa" + run;
  private final String memberB = "pb" + run;
  private final String manager = "pm" + run;

  private void user(String id, String group) {
    StaffForTests.user(identityService, id, group);
  }


  private long teamOfThree() {
    user(memberA, "sales");
    user(memberB, "sales");
    user(manager, "managers");
    var team = Api.as(rest, "admin").post("/api/teams", Map.of("name", "Plan team " + run, "managerId", manager,
        "memberIds", List.of(memberA, memberB)));
    assertThat(team.status()).as(team.body()).isEqualTo(201);
    return team.json().path("id").asLong();
  }

  private long customer(String owner, String name) {
    var created = Api.as(rest, owner).post("/api/customers", Api.customer(name + " " + run));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    return created.json().path("id").asLong();
  }

  /** The first working day after {@code after} with no plan yet (a database kept between runs has older ones). */
  private LocalDate freeDayAfter(LocalDate after) {
    LocalDate day = workingDays.after(after);
    while (Api.as(rest, "admin").get("/api/contact-plans/" + day).status() != 404) {
      day = workingDays.after(day);
    }
    return day;
  }

  private JsonNode builtPlan(LocalDate day) {
    return eventually(() -> Api.as(rest, "admin").get("/api/contact-plans/" + day).json(),
        plan -> "BUILT".equals(plan.path("status").asText()) && allStarted(plan));
  }

  private static boolean allStarted(JsonNode plan) {
    for (JsonNode entry : plan.path("entries")) {
      if (entry.path("taskId").isMissingNode() || entry.path("taskId").isNull()) {
        return false;
      }
    }
    return true;
  }

  private static List<JsonNode> entriesOf(JsonNode plan, String assignee) {
    List<JsonNode> entries = new ArrayList<>();
    plan.path("entries").forEach(entry -> {
      if (assignee.equals(entry.path("assignee").asText())) {
        entries.add(entry);
      }
    });
    return entries;
  }

  private static JsonNode entryFor(JsonNode plan, long customerId) {
    for (JsonNode entry : plan.path("entries")) {
      if (entry.path("customerId").asLong() == customerId) {
        return entry;
      }
    }
    throw new AssertionError("customer " + customerId + " is not on the plan " + plan);
  }

  private Api.Response complete(String user, String taskId, Map<String, Object> values) {
    Map<String, Object> variables = new HashMap<>();
    values.forEach((name, value) -> variables.put(name, Map.of("value", value)));
    return Api.as(rest, user).post("/engine-rest/task/" + taskId + "/complete", Map.of("variables", variables));
  }

  @Test
  void aDayOfContactsFromThePlanToThePlannedVersusDoneReport() throws Exception {
    long teamId = teamOfThree();
    LocalDate day = freeDayAfter(workingDays.today());
    long a1 = customer(memberA, "Alder");
    long a2 = customer(memberA, "Aspen");
    long b1 = customer(memberB, "Birch");
    long b2 = customer(memberB, "Beech");
    Api a = Api.as(rest, memberA);
    Api b = Api.as(rest, memberB);
    Api boss = Api.as(rest, manager);

    // work plans: items due on the day put these customers first on its list
    for (long customer : List.of(a1, a2)) {
      assertThat(a.post("/api/customers/" + customer + "/plan-items", Map.of("title", "Call about the order",
          "kind", "CALL", "dueOn", day.toString())).status()).isEqualTo(201);
    }
    for (long customer : List.of(b1, b2)) {
      assertThat(b.post("/api/customers/" + customer + "/plan-items", Map.of("title", "Call about the order",
          "kind", "CALL", "dueOn", day.toString())).status()).isEqualTo(201);
    }
    // a manager plans for a team member; a member does not plan for another
    var forA = boss.post("/api/customers/" + a1 + "/plan-items", Map.of("title", "Visit the new shop",
        "kind", "VISIT", "dueOn", day.toString(), "assignee", memberA));
    assertThat(forA.status()).as(forA.body()).isEqualTo(201);
    assertThat(forA.json().path("createdBy").asText()).isEqualTo(manager);
    assertThat(a.post("/api/customers/" + a1 + "/plan-items", Map.of("title", "x", "kind", "CALL",
        "dueOn", day.toString(), "assignee", memberB)).status()).isEqualTo(403);
    assertThat(a.post("/api/customers/999999999/plan-items", Map.of("title", "x", "kind", "CALL",
        "dueOn", day.toString())).status()).isEqualTo(404);
    var past = a.post("/api/customers/" + a1 + "/plan-items", Map.of("title", "x", "kind", "CALL",
        "dueOn", workingDays.today().minusDays(1).toString()));
    assertThat(past.status()).isEqualTo(400);
    assertThat(past.body()).contains("dueOn");

    // the plan: a manager asks for it, once
    assertThat(a.post("/api/contact-plans", Map.of("date", day.toString())).status()).isEqualTo(403);
    var requested = boss.post("/api/contact-plans", Map.of("date", day.toString()));
    assertThat(requested.status()).as(requested.body()).isEqualTo(201);
    assertThat(boss.post("/api/contact-plans", Map.of("date", day.toString())).status()).isEqualTo(409);
    JsonNode plan = builtPlan(day);

    List<JsonNode> ofA = entriesOf(plan, memberA);
    List<JsonNode> ofB = entriesOf(plan, memberB);
    assertThat(ofA).extracting(e -> e.path("customerId").asLong()).contains(a1, a2);
    assertThat(ofB).extracting(e -> e.path("customerId").asLong()).contains(b1, b2);
    assertThat(entryFor(plan, a1).path("reason").asText()).isEqualTo("Planned for today: Call about the order");
    assertThat(entryFor(plan, a1).path("status").asText()).isEqualTo("OPEN");
    // every customer weighed by the selection table, and no decision history left behind: the plan records the picks
    assertThat(historyService.createHistoricDecisionInstanceQuery().decisionDefinitionKey("contactSelection").count())
        .isZero();
    // a member reads their own entries, the manager the team's
    assertThat(b.get("/api/contact-plans/" + day).json().path("entries")).allMatch(
        e -> e.path("assignee").asText().equals(memberB));
    assertThat(boss.get("/api/contact-plans/" + day).json().path("entries")).hasSize(ofA.size() + ofB.size());

    // the task as Tasklist shows it: assigned, due at the deadline, the form's facts, the card, the manager follows
    String a1Task = entryFor(plan, a1).path("taskId").asText();
    var task = taskService.createTaskQuery().taskId(a1Task).singleResult();
    assertThat(task.getTaskDefinitionKey()).isEqualTo("userTask_contactCustomer");
    assertThat(task.getAssignee()).isEqualTo(memberA);
    assertThat(task.getDueDate()).isEqualTo(workingDays.deadlineOf(day));
    assertThat(taskService.getVariable(a1Task, "openPlanItems").toString()).contains("Visit the new shop");
    assertThat(taskService.getVariableLocal(a1Task, "dealCard").toString()).startsWith("Alder " + run);
    assertThat(taskService.createTaskQuery().taskId(a1Task).taskCandidateUser(manager).includeAssignedTasks()
        .count()).isOne();

    // another member may not record it; a wrong outcome or a call-back without a day changes nothing
    assertThat(complete(memberB, a1Task, Map.of("contactOutcome", "REACHED")).status()).isEqualTo(403);
    var maybe = complete(memberA, a1Task, Map.of("contactOutcome", "MAYBE"));
    assertThat(maybe.status()).isEqualTo(400);
    assertThat(maybe.body()).contains("contactOutcome");
    assertThat(complete(memberA, entryFor(plan, a2).path("taskId").asText(), Map.of("contactOutcome", "CALL_BACK"))
        .status()).isEqualTo(400);
    assertThat(taskService.createTaskQuery().taskId(a1Task).count()).isOne();

    // member A records every contact; a2 asks to be called back on the next free day
    LocalDate callBackDay = freeDayAfter(day);
    for (JsonNode entry : ofA) {
      Map<String, Object> result = entry.path("customerId").asLong() == a2
          ? Map.of("contactOutcome", "CALL_BACK", "callBackOn", callBackDay.toString(), "contactNote", "After 3pm")
          : Map.of("contactOutcome", "REACHED", "contactNote", "All fine");
      var done = complete(memberA, entry.path("taskId").asText(), result);
      assertThat(done.status()).as(done.body()).isEqualTo(204);
    }
    // member B records all but b2, which is still open at the deadline
    for (JsonNode entry : ofB) {
      if (entry.path("customerId").asLong() != b2) {
        assertThat(complete(memberB, entry.path("taskId").asText(), Map.of("contactOutcome", "REACHED",
            "contactChannel", "CALL")).status()).isEqualTo(204);
      }
    }
    String b2Instance = taskService.createTaskQuery().taskId(entryFor(plan, b2).path("taskId").asText())
        .singleResult().getProcessInstanceId();
    var deadline = managementService.createJobQuery().processInstanceId(b2Instance).timers().singleResult();
    assertThat(deadline.getDuedate()).isEqualTo(workingDays.deadlineOf(day));
    managementService.executeJob(deadline.getId());

    var missed = taskService.createTaskQuery().processInstanceId(b2Instance).taskDefinitionKey("userTask_contactMissed")
        .singleResult();
    assertThat(missed.getAssignee()).isEqualTo(manager);
    assertThat(entryFor(boss.get("/api/contact-plans/" + day).json(), b2).path("status").asText())
        .isEqualTo("ESCALATED");
    JsonNode told = eventually(() -> boss.get("/api/notifications").json(),
        list -> list.toString().contains("CONTACT_MISSED"));
    assertThat(told.toString()).contains("Contact missed: Beech " + run);
    // the manager gives it to member A for the next working day; member B's task closes with the decision
    assertThat(complete(manager, missed.getId(), Map.of("missedDecision", "REASSIGN", "reassignTo", "nobody-" + run,
        "decisionReason", "B is away")).status()).isEqualTo(400);
    assertThat(complete(manager, missed.getId(), Map.of("missedDecision", "REASSIGN", "reassignTo", memberA,
        "decisionReason", "B is away")).status()).isEqualTo(204);
    assertThat(taskService.createTaskQuery().processInstanceId(b2Instance).count()).isZero();

    // something member A did that no plan asked for
    var unplanned = a.post("/api/communications", Map.of("type", "CALL", "subject", "Called back about prices",
        "status", "DONE", "customerId", a1, "start", day.atTime(12, 0).atZone(ZoneId.of("Europe/Paris"))
            .toInstant().toString()));
    assertThat(unplanned.status()).as(unplanned.body()).isEqualTo(201);

    // the report, person by person and for the team
    String period = "?from=" + day + "&to=" + day;
    JsonNode report = boss.get("/api/reports/planned-vs-done" + period).json();
    JsonNode rowA = row(report, memberA);
    JsonNode rowB = row(report, memberB);
    // A: every contact on time, and the manager's visit still planned (the day is not over)
    assertThat(counts(rowA)).isEqualTo(List.of(ofA.size() + 1, ofA.size(), 0, 0, 0, 1, 1));
    // B: all but one on time, one missed after its escalation, and the item that contact was for still planned
    assertThat(counts(rowB)).isEqualTo(List.of(ofB.size() + 1, ofB.size() - 1, 0, 1, 1, 0, 1));
    JsonNode team = null;
    for (JsonNode t : report.path("teams")) {
      if (t.path("teamId").asLong() == teamId) {
        team = t;
      }
    }
    assertThat(team).isNotNull();
    assertThat(counts(team.path("totals"))).isEqualTo(List.of(ofA.size() + ofB.size() + 2,
        ofA.size() + ofB.size() - 1, 0, 1, 1, 1, 2));

    // the same figures in CSV and PDF
    String csv = download("/api/reports/planned-vs-done" + period, "text/csv");
    assertThat(csv).contains(memberA + "," + (ofA.size() + 1) + "," + ofA.size() + ",0,0,0,1,1");
    assertThat(csv).contains(memberB + "," + (ofB.size() + 1) + "," + (ofB.size() - 1) + ",0,1,1,0,1");
    byte[] pdf = downloadBytes("/api/reports/planned-vs-done" + period, "application/pdf");
    String pdfText = new PDFTextStripper().getText(Loader.loadPDF(pdf));
    assertThat(pdfText.replaceAll("\\s+", " ")).contains(memberB + " " + (ofB.size() + 1) + " " + (ofB.size() - 1)
        + " 0 1 1 0 1");

    // a member reads their own row only
    JsonNode own = b.get("/api/reports/planned-vs-done" + period).json();
    assertThat(own.path("rows")).hasSize(1);
    assertThat(own.path("teams")).isEmpty();
    assertThat(b.get("/api/reports/planned-vs-done" + period + "&userId=" + memberA).status()).isEqualTo(403);
    assertThat(b.get("/api/reports/planned-vs-done" + period + "&teamId=" + teamId).status()).isEqualTo(403);
    assertThat(boss.get("/api/reports/planned-vs-done?from=" + day + "&to=" + day.minusDays(1)).status())
        .isEqualTo(400);

    // the next plan: the promised call-back and the missed customer, given to A by the manager
    assertThat(boss.post("/api/contact-plans", Map.of("date", callBackDay.toString())).status()).isEqualTo(201);
    JsonNode next = builtPlan(callBackDay);
    assertThat(entryFor(next, a2).path("reason").asText()).isEqualTo("Call-back promised for today");
    assertThat(entryFor(next, a2).path("assignee").asText()).isEqualTo(memberA);
    assertThat(entryFor(next, b2).path("reason").asText()).startsWith("Carried over from " + day);
    assertThat(entryFor(next, b2).path("assignee").asText()).isEqualTo(memberA);
    assertThat(entryFor(next, b2).path("priority").asInt()).isGreaterThan(entryFor(plan, b2).path("priority").asInt());
    assertThat(entryFor(boss.get("/api/contact-plans/" + day).json(), b2).path("status").asText())
        .isEqualTo("CARRIED_OVER");

    // the contacts are in the customers' histories, and the plan items they fulfilled are done
    JsonNode history = a.get("/api/communications?customerId=" + a1).json();
    assertThat(history.toString()).contains("Reached · Planned for today: Call about the order");
    JsonNode items = a.get("/api/customers/" + a1 + "/plan-items").json();
    assertThat(items).anySatisfy(item -> {
      assertThat(item.path("kind").asText()).isEqualTo("CALL");
      assertThat(item.path("status").asText()).isEqualTo("DONE");
      assertThat(item.path("exchangeId").isNumber()).isTrue();
    });
    JsonNode visit = null;
    for (JsonNode item : items) {
      if ("VISIT".equals(item.path("kind").asText())) {
        visit = item;
      }
    }
    assertThat(visit.path("status").asText()).isEqualTo("PLANNED");

    // an item is done when an exchange that fulfils it is logged (a meeting is a visit), or by hand
    assertThat(b.patch("/api/plan-items/" + visit.path("id").asLong(), Map.of("status", "DONE")).status())
        .as("another member's item").isEqualTo(403);
    var meeting = a.post("/api/communications", Map.of("type", "MEETING", "subject", "Visited the new shop",
        "status", "DONE", "customerId", a1, "start", java.time.Instant.now().toString()));
    assertThat(meeting.status()).isEqualTo(201);
    JsonNode visited = a.get("/api/plan-items/" + visit.path("id").asLong()).json();
    assertThat(visited.path("status").asText()).isEqualTo("DONE");
    assertThat(visited.path("exchangeId").asLong()).isEqualTo(meeting.json().path("id").asLong());
    long b1Item = b.post("/api/customers/" + b1 + "/plan-items", Map.of("title", "Send the catalogue",
        "kind", "OTHER", "dueOn", callBackDay.toString())).json().path("id").asLong();
    var ticked = boss.patch("/api/plan-items/" + b1Item, Map.of("status", "DONE"));
    assertThat(ticked.status()).as(ticked.body()).isEqualTo(200);
    assertThat(ticked.json().path("doneAt").isTextual()).isTrue();
  }

  private static JsonNode row(JsonNode report, String user) {
    for (JsonNode row : report.path("rows")) {
      if (user.equals(row.path("userId").asText())) {
        return row;
      }
    }
    throw new AssertionError("no row for " + user + " in " + report);
  }

  /** planned, doneOnTime, doneLate, missed, escalated, unplannedDone, open */
  private static List<Integer> counts(JsonNode row) {
    return List.of(row.path("planned").asInt(), row.path("doneOnTime").asInt(), row.path("doneLate").asInt(),
        row.path("missed").asInt(), row.path("escalated").asInt(), row.path("unplannedDone").asInt(),
        row.path("open").asInt());
  }

  private String download(String path, String type) {
    return new String(downloadBytes(path, type), java.nio.charset.StandardCharsets.UTF_8);
  }

  private byte[] downloadBytes(String path, String type) {
    HttpHeaders headers = new HttpHeaders();
    headers.setAccept(List.of(MediaType.parseMediaType(type)));
    var answer = rest.withBasicAuth(manager, manager).exchange(path, HttpMethod.GET, new HttpEntity<>(headers),
        byte[].class);
    assertThat(answer.getStatusCode().value()).isEqualTo(200);
    assertThat(answer.getHeaders().getContentType().toString()).startsWith(type);
    return answer.getBody();
  }
}
