package com.relais.crm.aftersale;

import static com.relais.crm.aftersale.AfterSaleTestSupport.createTemplate;
import static com.relais.crm.aftersale.AfterSaleTestSupport.newDeal;
import static com.relais.crm.aftersale.AfterSaleTestSupport.task;
import static com.relais.crm.aftersale.AfterSaleTestSupport.template;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.relais.crm.Api;
import com.relais.crm.HttpTest;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

/** The templates API and the whole after-sale as the demo users see it, over HTTP only. */
@HttpTest
class AfterSaleApiTest {
  @Autowired TestRestTemplate rest;
  @Autowired JdbcTemplate jdbc;

  @Test
  void theDemoHasTwoTemplatesEveryoneCanRead() {
    var list = Api.as(rest, "logistics").get("/api/after-sale-templates");
    assertThat(list.status()).isEqualTo(200);
    assertThat(list.json().findValuesAsText("name")).contains("Standard follow-up", "Key account");
    JsonNode standard = StreamSupport.stream(list.json().spliterator(), false)
        .filter(t -> t.path("name").asText().equals("Standard follow-up")).findFirst().orElseThrow();
    assertThat(standard.path("tasks").findValuesAsText("name"))
        .containsExactly("Installation", "Training", "Satisfaction call");
    assertThat(standard.path("tasks").get(1).path("reminderOffset").asText()).isEqualTo("P5D");
  }

  @Test
  void onlyAdminsChangeTemplatesAndBadTemplatesAreRefusedWithTheFieldNamed() {
    long templates = jdbc.queryForObject("select count(*) from after_sale_template", Long.class);
    var valid = template("Refusals", false, task("One", "sales", null, "P1D", null));

    var forbidden = Api.as(rest, "sales").post("/api/after-sale-templates", valid);
    assertThat(forbidden.status()).isEqualTo(403);
    assertThat(forbidden.contentType()).startsWith("application/problem+json");
    assertThat(Api.as(rest, "manager").put("/api/after-sale-templates/1", valid).status()).isEqualTo(403);
    assertThat(Api.as(rest, "manager").delete("/api/after-sale-templates/1").status()).isEqualTo(403);

    assertThat(fieldsOf(template("No tasks", false))).containsExactly("tasks");
    assertThat(fieldsOf(template("Bad due", false, task("One", "sales", null, "3 days", null))))
        .containsExactly("tasks[0].dueOffset");
    assertThat(fieldsOf(template("Bad reminder", false, task("One", "sales", null, "P3D", "soon"))))
        .containsExactly("tasks[0].reminderOffset");
    assertThat(fieldsOf(template("Nobody", false, task("One", null, null, "P3D", null))))
        .containsExactly("tasks[0].candidateGroup");
    assertThat(fieldsOf(template(" ", false, task("One", "sales", null, "P3D", null)))).containsExactly("name");
    assertThat(jdbc.queryForObject("select count(*) from after_sale_template", Long.class)).isEqualTo(templates);

    long id = createTemplate(rest, valid);
    var deactivated = Api.as(rest, "admin").delete("/api/after-sale-templates/" + id);
    assertThat(deactivated.status()).isEqualTo(200);
    assertThat(deactivated.json().path("active").asBoolean()).isFalse();
    assertThat(Api.as(rest, "sales").get("/api/after-sale-templates").json().findValuesAsText("name"))
        .doesNotContain("Refusals");
    assertThat(Api.as(rest, "sales").get("/api/after-sale-templates/987654321").status()).isEqualTo(404);
  }

  private java.util.List<String> fieldsOf(Map<String, Object> template) {
    var answer = Api.as(rest, "admin").post("/api/after-sale-templates", template);
    assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
    return answer.json().path("errors").findValuesAsText("field");
  }

  @Test
  void adminDefinesSalesStartsLogisticsWorksAndAnAssignmentOpensTheDeal() {
    long templateId = createTemplate(rest, template("HTTP walk-through", false,
        task("Deliver and install", "logistics", null, "P3D", null),
        task("Train the staff", "sales", null, "P7D", "P5D")));
    long deal = AfterSaleTestSupport.wonDealWithoutAfterSale(rest, jdbc, "HTTP after-sale");

    var started = Api.as(rest, "sales").post("/api/opportunities/" + deal + "/after-sale",
        Map.of("templateId", templateId));
    assertThat(started.status()).as(started.toString()).isEqualTo(201);
    String instanceId = started.json().path("processInstanceId").asText();

    String query = "/engine-rest/task?processDefinitionKey=after-sale&processInstanceBusinessKey=" + deal;
    var logisticsTasks = Api.as(rest, "logistics").get(query);
    assertThat(logisticsTasks.status()).isEqualTo(200);
    assertThat(logisticsTasks.json().findValuesAsText("name")).containsExactly("Deliver and install");
    var salesTasks = Api.as(rest, "sales").get(query);
    assertThat(salesTasks.json().findValuesAsText("name")).containsExactly("Train the staff");
    assertThat(salesTasks.json().get(0).path("followUp").isNull()).isFalse();

    assertThat(Api.as(rest, "logistics").get("/api/opportunities/" + deal + "/access-grants").status())
        .isEqualTo(403);
    assertThat(Api.as(rest, "logistics").get("/engine-rest/process-instance/" + instanceId).status())
        .isEqualTo(404);

    // sales hands its task to logistics in Tasklist (same REST call)
    String salesTaskId = salesTasks.json().get(0).path("id").asText();
    var assigned = Api.as(rest, "sales").post("/engine-rest/task/" + salesTaskId + "/assignee",
        Map.of("userId", "logistics"));
    assertThat(assigned.status()).as(assigned.toString()).isEqualTo(204);

    var grants = Api.as(rest, "logistics").get("/api/opportunities/" + deal + "/access-grants");
    assertThat(grants.status()).as(grants.toString()).isEqualTo(200);
    assertThat(grants.json().get(0).path("grantedBy").asText()).isEqualTo("sales");
    assertThat(Api.as(rest, "logistics").get("/engine-rest/process-instance/" + instanceId).status())
        .isEqualTo(200);

    var mine = Api.as(rest, "logistics").get("/api/after-sale?mine=true");
    JsonNode line = StreamSupport.stream(mine.json().path("processes").spliterator(), false)
        .filter(p -> p.path("opportunityId").asLong() == deal).findFirst().orElseThrow();
    assertThat(line.path("taskCount").asInt()).isEqualTo(2);
  }
}
