package com.relais.crm.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.relais.crm.Api;
import com.relais.crm.StaffForTests;
import com.relais.crm.DealDriver;
import com.relais.crm.HttpTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/** A manager reviews what the team changed, field by field, and the audit cannot be changed through the API. */
@HttpTest
class AuditOverHttpTest {
  @Autowired TestRestTemplate rest;
  @Autowired IdentityService identityService;
  @Autowired DealDriver deals;

  private final String run = UUID.randomUUID().toString().substring(0, 6);
  private final String seller = "as" + run;
  private final String outsider = "ao" + run;
  private final String manager = "am" + run;

  private void user(String id, String group) {
    StaffForTests.user(identityService, id, group);
  }


  private void team() {
    user(seller, "sales");
    user(outsider, "sales");
    user(manager, "managers");
    var team = Api.as(rest, "admin").post("/api/teams", Map.of("name", "Audit team " + run, "managerId", manager,
        "memberIds", List.of(seller)));
    assertThat(team.status()).as(team.body()).isEqualTo(201);
  }

  private static List<JsonNode> recordsOf(JsonNode sinceReview, String entity, long id) {
    List<JsonNode> records = new ArrayList<>();
    sinceReview.path("records").forEach(record -> {
      if (entity.equals(record.path("entity").asText()) && String.valueOf(id).equals(record.path("entityId").asText())) {
        records.add(record);
      }
    });
    return records;
  }

  @Test
  void aManagerSeesTheTeamsEmailChangeWithOldAndNewUntilTheReview() {
    team();
    Api sales = Api.as(rest, seller);
    var created = sales.post("/api/customers", Map.of("name", "Audit " + run, "email", "old-" + run + "@example.com"));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    long id = created.json().path("id").asLong();
    var changed = sales.patch("/api/customers/" + id, Map.of("email", "new-" + run + "@example.com"));
    assertThat(changed.status()).as(changed.body()).isEqualTo(200);
    // someone outside the team changes it too: not the manager's to review
    assertThat(Api.as(rest, outsider).patch("/api/customers/" + id, Map.of("address", "1 rue du Port")).status())
        .isEqualTo(200);

    JsonNode history = Api.as(rest, manager).get("/api/audit?entity=customer&entityId=" + id).json();
    assertThat(history.toString()).contains("\"field\":\"email\"", "old-" + run, "new-" + run, "(created)",
        "\"by\":\"" + outsider + "\"");

    JsonNode since = Api.as(rest, manager).get("/api/audit/since-review").json();
    List<JsonNode> records = recordsOf(since, "customer", id);
    assertThat(records).hasSize(1);
    assertThat(records.get(0).path("by").asText()).isEqualTo(seller);
    JsonNode emailChange = null;
    for (JsonNode change : records.get(0).path("changes")) {
      if ("email".equals(change.path("field").asText())) {
        emailChange = change;
      }
    }
    assertThat(emailChange).as(records.toString()).isNotNull();
    assertThat(emailChange.path("from").asText()).isEqualTo("old-" + run + "@example.com");
    assertThat(emailChange.path("to").asText()).isEqualTo("new-" + run + "@example.com");
    assertThat(since.toString()).doesNotContain("1 rue du Port");

    var review = Api.as(rest, manager).post("/api/audit/reviews", Map.of());
    assertThat(review.status()).as(review.body()).isEqualTo(200);
    assertThat(review.json().path("changesSeen").asInt()).isGreaterThanOrEqualTo(2);
    assertThat(recordsOf(Api.as(rest, manager).get("/api/audit/since-review").json(), "customer", id)).isEmpty();

    // a change after the review shows up again
    sales.patch("/api/customers/" + id, Map.of("phone", "+33 6 11 22 33 44"));
    JsonNode after = Api.as(rest, manager).get("/api/audit/since-review").json();
    assertThat(recordsOf(after, "customer", id)).hasSize(1);
    assertThat(after.toString()).contains("+33 6 11 22 33 44").doesNotContain("old-" + run);
  }

  @Test
  void aConsentChangeAndACategoryEditAreRecordedField() {
    var created = Api.as(rest, "sales").post("/api/customers", Api.customer("Consent " + run));
    long id = created.json().path("id").asLong();
    Api.as(rest, "sales").patch("/api/customers/" + id,
        Map.of("emailConsent", Map.of("granted", true, "source", "signed at the fair")));
    JsonNode history = Api.as(rest, "admin").get("/api/audit?entity=customer&entityId=" + id).json();
    assertThat(history.toString()).contains("emailConsent.granted", "emailConsent.source", "signed at the fair");

    String code = "AUDIT_" + run.toUpperCase().replace('-', '_');
    Api.as(rest, "admin").post("/api/customer-categories", Map.of("code", code, "label", "Before"));
    Api.as(rest, "admin").put("/api/customer-categories/" + code, Map.of("label", "After"));
    JsonNode category = Api.as(rest, "admin").get("/api/audit?entity=customer-category&entityId=" + code).json();
    assertThat(category.toString()).contains("\"field\":\"label\"", "\"from\":\"Before\"", "\"to\":\"After\"",
        "\"by\":\"admin\"");
  }

  @Test
  void nobodyChangesTheAuditAndOnlyManagersReadIt() {
    Api admin = Api.as(rest, "admin");
    long id = admin.post("/api/customers", Api.customer("Kept " + run)).json().path("id").asLong();
    JsonNode rows = admin.get("/api/audit?entity=customer&entityId=" + id).json();
    assertThat(rows.size()).isGreaterThanOrEqualTo(1);
    long rowId = rows.get(0).path("id").asLong();
    assertThat(admin.delete("/api/audit").status()).isEqualTo(405);
    assertThat(admin.delete("/api/audit/" + rowId).status()).isIn(404, 405);
    assertThat(admin.put("/api/audit", Map.of("id", rowId, "to", "forged")).status()).isEqualTo(405);
    assertThat(admin.patch("/api/audit/since-review", Map.of()).status()).isEqualTo(405);
    assertThat(admin.get("/api/audit?entity=customer&entityId=" + id).json()).isEqualTo(rows);

    assertThat(Api.as(rest, "sales").get("/api/audit").status()).isEqualTo(403);
    assertThat(Api.as(rest, "sales").get("/api/audit/since-review").status()).isEqualTo(403);
    assertThat(admin.get("/api/audit?size=0").status()).isEqualTo(400);
    assertThat(admin.get("/api/audit?from=yesterday").status()).isEqualTo(400);
  }

  @Test
  void whatPeopleDidInTheProcessesComesFromTheEnginesLog() {
    long deal = deals.openDeal("Process audit " + run, "1200");
    var task = deals.task(deal, "userTask_qualifyProspect");
    var completed = Api.as(rest, "sales").post("/engine-rest/task/" + task.getId() + "/complete",
        Map.of("variables", Map.of("saleOutcome", Map.of("value", "OPEN"))));
    assertThat(completed.status()).as(completed.body()).isEqualTo(204);
    String instance = task.getProcessInstanceId();

    JsonNode actions = Api.as(rest, "admin").get("/api/audit?entity=process&entityId=" + instance).json();
    assertThat(actions.toString()).contains("\"by\":\"sales\"", "Complete");
    actions.forEach(action -> assertThat(action.path("entity").asText()).isEqualTo("process"));
    assertThat(Api.as(rest, "admin").get("/api/audit?entity=process&entityId=" + instance + "&by=manager").json())
        .isEmpty();
  }
}
