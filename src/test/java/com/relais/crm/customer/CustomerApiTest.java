package com.relais.crm.customer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.relais.crm.Api;
import com.relais.crm.HttpTest;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

@HttpTest
class CustomerApiTest {
  @Autowired TestRestTemplate rest;
  @Autowired JdbcTemplate jdbc;

  private int customerRows() {
    return jdbc.queryForObject("select count(*) from customer", Integer.class);
  }

  @Test
  void salesCreatesReadsAndUpdatesACustomerWithConsentStamps() {
    Api sales = Api.as(rest, "sales");
    var created = sales.post("/api/customers", Map.of(
        "name", "Atelier Dupont", "email", "Contact@Dupont.example", "phone", "+33 1 23 45 67 89",
        "address", "1 rue de la Paix, Paris", "category", "PROSPECT", "acquisitionSource", "TRADE_SHOW",
        "emailConsent", Map.of("granted", true, "source", "signed form at the fair")));
    assertThat(created.status()).isEqualTo(201);
    assertThat(created.raw().getHeaders().getLocation()).isNotNull();
    JsonNode customer = created.json();
    long id = customer.path("id").asLong();
    assertThat(customer.path("email").asText()).isEqualTo("contact@dupont.example");
    assertThat(customer.path("createdBy").asText()).isEqualTo("sales");
    assertThat(customer.path("emailConsent").path("granted").asBoolean()).isTrue();
    assertThat(customer.path("emailConsent").path("changedAt").asText()).isNotEmpty();
    assertThat(customer.path("smsConsent").path("granted").asBoolean()).isFalse();

    var read = Api.as(rest, "support").get("/api/customers/" + id);
    assertThat(read.status()).isEqualTo(200);
    assertThat(read.json().path("name").asText()).isEqualTo("Atelier Dupont");

    Map<String, Object> change = new HashMap<>(Api.customer("Atelier Dupont & Fils"));
    change.put("category", "CUSTOMER");
    change.put("smsConsent", Map.of("granted", true, "source", "phone call"));
    var updated = sales.put("/api/customers/" + id, change);
    assertThat(updated.status()).isEqualTo(200);
    assertThat(updated.json().path("category").asText()).isEqualTo("CUSTOMER");
    assertThat(updated.json().path("smsConsent").path("source").asText()).isEqualTo("phone call");
  }

  @Test
  void searchFindsByNameOrEmailAndCategoryInPages() {
    Api sales = Api.as(rest, "sales");
    String tag = UUID.randomUUID().toString().substring(0, 8);
    for (int i = 0; i < 3; i++) {
      sales.post("/api/customers", Api.customer("Search " + tag + " " + i));
    }
    Map<String, Object> partner = new HashMap<>(Api.customer("Search " + tag + " partner"));
    partner.put("category", "PARTNER");
    partner.put("email", "partner-" + tag + "@example.com");
    sales.post("/api/customers", partner);

    var page = sales.get("/api/customers?q=" + tag.toUpperCase() + "&size=2&page=0");
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.json().path("content")).hasSize(2);
    assertThat(page.json().path("page").path("totalElements").asInt()).isEqualTo(4);
    assertThat(page.json().path("page").path("totalPages").asInt()).isEqualTo(2);

    var partners = sales.get("/api/customers?q=" + tag + "&category=PARTNER");
    assertThat(partners.json().path("content")).hasSize(1);
    assertThat(partners.json().path("content").get(0).path("name").asText()).endsWith("partner");

    var byEmail = sales.get("/api/customers?q=PARTNER-" + tag + "@");
    assertThat(byEmail.json().path("content")).hasSize(1);
  }

  @Test
  void invalidFieldsAreNamedInProblemJsonAndNothingIsStored() {
    int before = customerRows();
    var answer = Api.as(rest, "sales").post("/api/customers",
        Map.of("name", "", "email", "not-an-email", "category", "PROSPECT", "acquisitionSource", "WEBSITE"));
    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.contentType()).startsWith("application/problem+json");
    assertThat(answer.json().path("errors").findValuesAsText("field")).containsExactly("email", "name");
    assertThat(customerRows()).isEqualTo(before);
  }

  @Test
  void malformedJsonUnknownEnumsAndUnknownFieldsAreClear400s() {
    Api sales = Api.as(rest, "sales");
    int before = customerRows();

    var malformed = sales.post("/api/customers", "{\"name\": ");
    assertThat(malformed.status()).isEqualTo(400);
    assertThat(malformed.json().path("detail").asText()).contains("not valid JSON");

    Map<String, Object> badEnum = new HashMap<>(Api.customer("Enum Test"));
    badEnum.put("category", "FRIEND");
    var wrongEnum = sales.post("/api/customers", badEnum);
    assertThat(wrongEnum.status()).isEqualTo(400);
    assertThat(wrongEnum.json().path("detail").asText()).contains("category").contains("PROSPECT");

    Map<String, Object> extra = new HashMap<>(Api.customer("Extra Field"));
    extra.put("isAdmin", true);
    var unknown = sales.post("/api/customers", extra);
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.json().path("detail").asText()).contains("isAdmin");

    var badSort = sales.get("/api/customers?sort=password");
    assertThat(badSort.status()).isEqualTo(400);
    assertThat(customerRows()).isEqualTo(before);
  }

  @Test
  void unknownIdsAre404AndOnlySalesManagersAndAdminsMayWrite() {
    assertThat(Api.as(rest, "sales").get("/api/customers/987654321").status()).isEqualTo(404);
    assertThat(Api.as(rest, "sales").get("/api/customers/987654321").contentType())
        .startsWith("application/problem+json");
    assertThat(Api.as(rest, "sales").put("/api/customers/987654321", Api.customer("Ghost")).status()).isEqualTo(404);

    int before = customerRows();
    var refused = Api.as(rest, "logistics").post("/api/customers", Api.customer("Not Mine"));
    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.contentType()).startsWith("application/problem+json");
    assertThat(customerRows()).isEqualTo(before);
    assertThat(Api.as(rest, "manager").post("/api/customers", Api.customer("Manager Made")).status()).isEqualTo(201);
  }
}
