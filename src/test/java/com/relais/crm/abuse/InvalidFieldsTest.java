package com.relais.crm.abuse;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.relais.crm.Api;
import com.relais.crm.HttpTest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Too long, of an unknown enum value, negative, out of range or out of order: each is a 400 problem+json naming the
 * field in {@code errors[].field}, and no row of any CRM table is added or changed.
 */
@HttpTest
class InvalidFieldsTest {
  private static final String LONG = "x".repeat(5000);
  private static final List<String> TABLES = List.of("customer", "opportunity", "stage_change", "communication",
      "communication_assignee", "after_sale_template", "after_sale_task_template");

  @Autowired TestRestTemplate rest;
  @Autowired JdbcTemplate jdbc;

  private long customerId;
  private long dealId;

  record Case(String user, HttpMethod method, String path, Map<String, Object> body, String field) {
    @Override
    public String toString() {
      return method + " " + path + " " + field;
    }
  }

  @BeforeEach
  void aCustomerAndADeal() {
    customerId = Api.as(rest, "sales").post("/api/customers", Api.customer("Field Limits")).json().path("id").asLong();
    dealId = Api.as(rest, "sales").post("/api/opportunities", opportunity()).json().path("id").asLong();
    assertThat(dealId).isPositive();
  }

  private Map<String, Object> customer() {
    return new HashMap<>(Map.of("name", "Valid Customer", "category", "PROSPECT", "acquisitionSource", "WEBSITE"));
  }

  private Map<String, Object> opportunity() {
    return new HashMap<>(Map.of("customerId", customerId, "title", "Valid deal", "amount", 1000, "currency", "EUR"));
  }

  private Map<String, Object> communication() {
    return new HashMap<>(Map.of("type", "CALL", "subject", "Valid call", "start", "2026-03-01T09:00:00Z",
        "customerId", customerId));
  }

  private Map<String, Object> template() {
    Map<String, Object> task = new HashMap<>(Map.of("name", "Call", "candidateGroup", "sales", "dueOffset", "P3D"));
    return new HashMap<>(Map.of("name", "Valid template", "tasks", new ArrayList<>(List.of(task))));
  }

  private static Map<String, Object> with(Map<String, Object> body, Consumer<Map<String, Object>> change) {
    Map<String, Object> copy = new LinkedHashMap<>(body);
    change.accept(copy);
    return copy;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> firstTask(Map<String, Object> template) {
    return (Map<String, Object>) ((List<?>) template.get("tasks")).get(0);
  }

  private List<Case> cases() {
    List<Case> cases = new ArrayList<>();
    // 5,000 characters in every free-text field (details allows 10,000 like its column: 10,001 there)
    for (String field : List.of("name", "email", "phone", "address")) {
      cases.add(new Case("sales", HttpMethod.POST, "/api/customers", with(customer(), b -> b.put(field, LONG)), field));
      cases.add(new Case("sales", HttpMethod.PUT, "/api/customers/" + customerId,
          with(customer(), b -> b.put(field, LONG)), field));
    }
    cases.add(new Case("sales", HttpMethod.POST, "/api/customers",
        with(customer(), b -> b.put("emailConsent", Map.of("granted", true, "source", LONG))), "emailConsent.source"));
    cases.add(new Case("sales", HttpMethod.POST, "/api/customers",
        with(customer(), b -> b.put("smsConsent", Map.of("granted", true, "source", LONG))), "smsConsent.source"));
    for (String field : List.of("title", "owner", "currency")) {
      cases.add(new Case("sales", HttpMethod.POST, "/api/opportunities",
          with(opportunity(), b -> b.put(field, LONG)), field));
    }
    cases.add(new Case("sales", HttpMethod.POST, "/api/communications",
        with(communication(), b -> b.put("subject", LONG)), "subject"));
    cases.add(new Case("sales", HttpMethod.POST, "/api/communications",
        with(communication(), b -> b.put("details", "x".repeat(10_001))), "details"));
    cases.add(new Case("sales", HttpMethod.POST, "/api/communications",
        with(communication(), b -> b.put("assignees", List.of(LONG))), "assignees"));
    cases.add(new Case("admin", HttpMethod.POST, "/api/after-sale-templates",
        with(template(), b -> b.put("name", LONG)), "name"));
    for (String field : List.of("name", "description", "candidateGroup", "candidateUser", "dueOffset",
        "reminderOffset")) {
      Map<String, Object> t = template();
      firstTask(t).put(field, LONG);
      cases.add(new Case("admin", HttpMethod.POST, "/api/after-sale-templates", t, "tasks[0]." + field));
    }
    cases.add(new Case(Api.SIGNATURE_PROVIDER, HttpMethod.POST,
        "/api/opportunities/" + dealId + "/delivery-note/signature", Map.of("signedBy", LONG), "signedBy"));

    // unknown enum values
    cases.add(new Case("sales", HttpMethod.POST, "/api/customers",
        with(customer(), b -> b.put("category", "GALACTIC")), "category"));
    cases.add(new Case("sales", HttpMethod.POST, "/api/customers",
        with(customer(), b -> b.put("acquisitionSource", "TELEPATHY")), "acquisitionSource"));
    cases.add(new Case("sales", HttpMethod.POST, "/api/communications",
        with(communication(), b -> b.put("type", "FAX")), "type"));
    cases.add(new Case("sales", HttpMethod.POST, "/api/communications",
        with(communication(), b -> b.put("status", "MAYBE")), "status"));

    // negative and absurd amounts
    cases.add(new Case("sales", HttpMethod.POST, "/api/opportunities",
        with(opportunity(), b -> b.put("amount", -1)), "amount"));
    cases.add(new Case("sales", HttpMethod.POST, "/api/opportunities",
        with(opportunity(), b -> b.put("amount", new java.math.BigDecimal("1e400"))), "amount"));
    cases.add(new Case("sales", HttpMethod.POST, "/api/opportunities",
        with(opportunity(), b -> b.put("amount", 0.001)), "amount"));
    cases.add(new Case("logistics", HttpMethod.POST, "/api/opportunities/" + dealId + "/delivery/carrier-quote",
        Map.of("amount", -180), "amount"));

    // dates out of range, malformed or out of order
    for (String date : List.of("+99999-01-01", "99999-01-01", "1850-06-01", "2026-02-30", "yesterday")) {
      cases.add(new Case("sales", HttpMethod.POST, "/api/opportunities",
          with(opportunity(), b -> b.put("expectedCloseDate", date)), "expectedCloseDate"));
    }
    for (String instant : List.of("+99999-01-01T00:00:00Z", "0001-01-01T00:00:00Z", "2026-13-01T00:00:00Z", "soon")) {
      cases.add(new Case("sales", HttpMethod.POST, "/api/communications",
          with(communication(), b -> b.put("start", instant)), "start"));
    }
    cases.add(new Case("sales", HttpMethod.POST, "/api/communications",
        with(communication(), b -> b.put("end", "+99999-01-01T00:00:00Z")), "end"));
    cases.add(new Case("sales", HttpMethod.POST, "/api/communications",
        with(communication(), b -> b.put("end", "2026-02-28T09:00:00Z")), "end"));
    Map<String, Object> badOffset = template();
    firstTask(badOffset).put("dueOffset", "-P3D");
    cases.add(new Case("admin", HttpMethod.POST, "/api/after-sale-templates", badOffset, "tasks[0].dueOffset"));
    return cases;
  }

  private Map<String, Long> rowCounts() {
    Map<String, Long> counts = new LinkedHashMap<>();
    TABLES.forEach(t -> counts.put(t, jdbc.queryForObject("select count(*) from " + t, Long.class)));
    return counts;
  }

  @Test
  void eachInvalidFieldIsA400NamingItAndNothingIsStored() {
    String customerBefore = jdbc.queryForObject("select name || '|' || coalesce(email, '') || '|' || version"
        + " from customer where id = ?", String.class, customerId);
    Map<String, Long> before = rowCounts();
    List<String> wrong = new ArrayList<>();
    for (Case c : cases()) {
      var answer = Api.caller(rest, c.user()).exchange(c.method(), c.path(), c.body());
      List<String> fields = new ArrayList<>();
      if (answer.status() == 400) {
        for (JsonNode error : answer.json().path("errors")) {
          fields.add(error.path("field").asText());
        }
      }
      boolean named = fields.stream().anyMatch(f -> f.equals(c.field()) || f.startsWith(c.field() + "["));
      if (answer.status() != 400 || !answer.contentType().startsWith("application/problem+json") || !named
          || answer.body().contains("Exception") || answer.body().length() > 2000) {
        wrong.add(c + " -> " + answer.status() + " fields " + fields + " " + abbreviate(answer.body()));
      }
    }
    assertThat(wrong).as("invalid fields not answered with a 400 naming them").isEmpty();
    assertThat(rowCounts()).isEqualTo(before);
    assertThat(jdbc.queryForObject("select name || '|' || coalesce(email, '') || '|' || version"
        + " from customer where id = ?", String.class, customerId)).isEqualTo(customerBefore);
  }

  private static String abbreviate(String body) {
    return body == null || body.length() < 300 ? String.valueOf(body) : body.substring(0, 300) + "...";
  }

  @Test
  void theValidBodiesTheCasesStartFromAreAccepted() {
    assertThat(Api.as(rest, "sales").post("/api/customers", customer()).status()).isEqualTo(201);
    assertThat(Api.as(rest, "sales").post("/api/communications", communication()).status()).isEqualTo(201);
    var template = Api.as(rest, "admin").post("/api/after-sale-templates", template());
    assertThat(template.status()).as(template.toString()).isEqualTo(201);
    Api.as(rest, "admin").delete("/api/after-sale-templates/" + template.json().path("id").asLong());
  }
}
