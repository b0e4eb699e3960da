package com.relais.crm.communication;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.relais.crm.Api;
import com.relais.crm.HttpTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

@HttpTest
class CommunicationApiTest {
  @Autowired TestRestTemplate rest;
  @Autowired JdbcTemplate jdbc;

  private final String tag = UUID.randomUUID().toString().substring(0, 8);

  private long customer(String name) {
    return Api.as(rest, "sales").post("/api/customers", Api.customer(name + " " + tag)).json().path("id").asLong();
  }

  private long opportunity(long customerId) {
    var answer = Api.as(rest, "sales").post("/api/opportunities", Map.of(
        "customerId", customerId, "title", "Deal " + tag, "amount", 1000, "currency", "EUR"));
    assertThat(answer.status()).isEqualTo(201);
    return answer.json().path("id").asLong();
  }

  private Map<String, Object> exchange(String type, String subject, String start) {
    Map<String, Object> body = new HashMap<>();
    body.put("type", type);
    body.put("subject", subject);
    body.put("start", start);
    return body;
  }

  private int rows() {
    return jdbc.queryForObject("select count(*) from communication", Integer.class);
  }

  @Test
  void salesLogsACallAndFindsItByWordsTypeStatusDatesCustomerAndDeal() {
    Api sales = Api.as(rest, "sales");
    long customerId = customer("Exchange Co");
    long dealId = opportunity(customerId);

    Map<String, Object> call = exchange("CALL", "Pricing call " + tag, "2026-03-02T10:00:00Z");
    call.put("end", "2026-03-02T10:30:00Z");
    call.put("details", "Talked about the VOLUME discount " + tag);
    call.put("status", "DONE");
    call.put("customerId", customerId);
    call.put("opportunityIds", List.of(dealId));
    call.put("assignees", List.of("manager"));
    var created = sales.post("/api/communications", call);
    assertThat(created.status()).isEqualTo(201);
    JsonNode json = created.json();
    long id = json.path("id").asLong();
    assertThat(json.path("author").asText()).isEqualTo("sales");
    assertThat(json.path("private").asBoolean()).isFalse();
    assertThat(json.path("opportunityIds").get(0).asLong()).isEqualTo(dealId);
    assertThat(json.path("assignees").get(0).asText()).isEqualTo("manager");

    Map<String, Object> meeting = exchange("MEETING", "Visit " + tag, "2026-04-10T09:00:00Z");
    meeting.put("customerId", customerId);
    assertThat(sales.post("/api/communications", meeting).status()).isEqualTo(201);

    assertThat(Api.as(rest, "support").get("/api/communications/" + id).json().path("subject").asText())
        .isEqualTo("Pricing call " + tag);

    assertThat(ids(sales.get("/api/communications?q=volume discount " + tag.toUpperCase()))).containsExactly(id);
    assertThat(ids(sales.get("/api/communications?q=" + tag + "&type=CALL"))).containsExactly(id);
    assertThat(ids(sales.get("/api/communications?q=" + tag + "&status=DONE"))).containsExactly(id);
    assertThat(ids(sales.get("/api/communications?q=" + tag + "&status=PLANNED"))).hasSize(1).doesNotContain(id);
    assertThat(ids(sales.get("/api/communications?q=" + tag
        + "&from=2026-03-01T00:00:00Z&to=2026-03-31T23:59:59Z"))).containsExactly(id);
    assertThat(ids(sales.get("/api/communications?customerId=" + customerId))).hasSize(2);
    assertThat(ids(sales.get("/api/communications?opportunityId=" + dealId))).containsExactly(id);
    assertThat(ids(sales.get("/api/communications?q=" + tag + "&author=sales"))).hasSize(2);
    assertThat(ids(sales.get("/api/communications?q=" + tag + "&author=support"))).isEmpty();

    var page = sales.get("/api/communications?customerId=" + customerId + "&size=1");
    assertThat(page.json().path("page").path("totalElements").asInt()).isEqualTo(2);
    // newest start first by default
    assertThat(page.json().path("content").get(0).path("type").asText()).isEqualTo("MEETING");
  }

  @Test
  void onlyTheAuthorOrAnAdminChangesAnExchange() {
    Api sales = Api.as(rest, "sales");
    long id = sales.post("/api/communications", exchange("NOTE", "Note " + tag, "2026-01-01T08:00:00Z"))
        .json().path("id").asLong();
    Map<String, Object> change = exchange("NOTE", "Changed " + tag, "2026-01-01T08:00:00Z");
    change.put("status", "DONE");
    assertThat(Api.as(rest, "support").put("/api/communications/" + id, change).status()).isEqualTo(403);
    var updated = sales.put("/api/communications/" + id, change);
    assertThat(updated.status()).isEqualTo(200);
    assertThat(updated.json().path("subject").asText()).isEqualTo("Changed " + tag);
    assertThat(updated.json().path("status").asText()).isEqualTo("DONE");
    assertThat(Api.as(rest, "admin").put("/api/communications/" + id, change).status()).isEqualTo(200);
  }

  @Test
  void brokenRulesAre400sNamingTheFieldAndStoreNothing() {
    Api sales = Api.as(rest, "sales");
    long customerId = customer("Rules Co");
    long otherDeal = opportunity(customer("Other Co"));
    int before = rows();

    Map<String, Object> backwards = exchange("MEETING", "Backwards", "2026-05-01T10:00:00Z");
    backwards.put("end", "2026-05-01T09:00:00Z");
    assertField(sales.post("/api/communications", backwards), "end");

    Map<String, Object> wrongDeal = exchange("CALL", "Wrong deal", "2026-05-01T10:00:00Z");
    wrongDeal.put("customerId", customerId);
    wrongDeal.put("opportunityIds", List.of(otherDeal));
    assertField(sales.post("/api/communications", wrongDeal), "opportunityIds");

    Map<String, Object> ghost = exchange("CALL", "Ghost assignee", "2026-05-01T10:00:00Z");
    ghost.put("assignees", List.of("nobody-" + tag));
    assertField(sales.post("/api/communications", ghost), "assignees");

    Map<String, Object> noCustomer = exchange("CALL", "No customer", "2026-05-01T10:00:00Z");
    noCustomer.put("customerId", 987654321);
    assertField(sales.post("/api/communications", noCustomer), "customerId");

    assertField(sales.post("/api/communications", exchange("VISIT", "Bad type", "2026-05-01T10:00:00Z")), "type");
    assertThat(rows()).isEqualTo(before);
  }

  @Test
  void privateExchangesAreSeenByAuthorAssigneesAndAdminsOnly() {
    Api sales = Api.as(rest, "sales");
    long customerId = customer("Private Co");
    Map<String, Object> secret = exchange("NOTE", "Secret margin " + tag, "2026-02-01T10:00:00Z");
    secret.put("private", true);
    secret.put("customerId", customerId);
    long id = sales.post("/api/communications", secret).json().path("id").asLong();
    Map<String, Object> shared = exchange("NOTE", "Shared " + tag, "2026-02-02T10:00:00Z");
    shared.put("private", true);
    shared.put("assignees", List.of("support"));
    long sharedWithSupport = sales.post("/api/communications", shared).json().path("id").asLong();

    Api support = Api.as(rest, "support");
    var hidden = support.get("/api/communications/" + id);
    assertThat(hidden.status()).isEqualTo(404);
    assertThat(hidden.body()).isEqualTo(support.get("/api/communications/987654321").body()
        .replace("987654321", String.valueOf(id)));
    assertThat(ids(support.get("/api/communications?q=" + tag))).containsExactly(sharedWithSupport);
    assertThat(support.get("/api/communications?customerId=" + customerId).json()
        .path("page").path("totalElements").asInt()).isZero();
    assertThat(support.put("/api/communications/" + id, secret).status()).isEqualTo(404);

    assertThat(ids(sales.get("/api/communications?q=" + tag))).containsExactlyInAnyOrder(id, sharedWithSupport);
    assertThat(Api.as(rest, "admin").get("/api/communications/" + id).status()).isEqualTo(200);
    assertThat(Api.as(rest, "manager").get("/api/communications/" + id).status()).isEqualTo(404);
  }

  private static void assertField(Api.Response answer, String field) {
    assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
    assertThat(answer.contentType()).startsWith("application/problem+json");
    assertThat(answer.json().path("errors").findValuesAsText("field")).contains(field);
  }

  static List<Long> ids(Api.Response page) {
    assertThat(page.status()).as(page.toString()).isEqualTo(200);
    return page.json().path("content").findValues("id").stream().map(JsonNode::asLong).toList();
  }
}
