package com.relais.crm.customer;

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

/** The company's category catalogue: built-ins kept, its own added, retirement that keeps old customers valid. */
@HttpTest
class CustomerCategoriesApiTest {
  @Autowired TestRestTemplate rest;

  private static List<String> codes(JsonNode list) {
    List<String> codes = new java.util.ArrayList<>();
    list.forEach(entry -> codes.add(entry.path("code").asText()));
    return codes;
  }

  @Test
  void theFiveCategoriesAreBuiltInAndInOrder() {
    JsonNode list = Api.as(rest, "sales").get("/api/customer-categories").json();
    assertThat(codes(list)).containsSubsequence("PROSPECT", "CUSTOMER", "KEY_ACCOUNT", "PARTNER", "INACTIVE");
    JsonNode prospect = Api.as(rest, "sales").get("/api/customer-categories/PROSPECT").json();
    assertThat(prospect.path("builtIn").asBoolean()).isTrue();
    assertThat(prospect.path("label").asText()).isEqualTo("Prospect");
  }

  @Test
  void anAdminAddsACategoryCustomersTakeItAndRetiringItKeepsThemValid() {
    String code = "WHOLESALE_" + UUID.randomUUID().toString().substring(0, 6).toUpperCase().replace('-', '_');
    Api admin = Api.as(rest, "admin");
    Api sales = Api.as(rest, "sales");
    assertThat(sales.post("/api/customer-categories", Map.of("code", code, "label", "Wholesaler")).status())
        .isEqualTo(403);
    var added = admin.post("/api/customer-categories", Map.of("code", code, "label", "Wholesaler"));
    assertThat(added.status()).as(added.body()).isEqualTo(201);
    assertThat(added.json().path("builtIn").asBoolean()).isFalse();
    assertThat(admin.post("/api/customer-categories", Map.of("code", code, "label", "Again")).status()).isEqualTo(409);
    assertThat(admin.post("/api/customer-categories", Map.of("code", "lower case", "label", "x")).status())
        .isEqualTo(400);

    Map<String, Object> body = new HashMap<>(Api.customer("Grossiste " + code));
    body.put("category", code);
    var customer = sales.post("/api/customers", body);
    assertThat(customer.status()).as(customer.body()).isEqualTo(201);
    long id = customer.json().path("id").asLong();
    assertThat(sales.get("/api/customers?category=" + code).json().toString()).contains("Grossiste " + code);

    // retired: no new customer takes it; the old one keeps it, is still found by it, and can be changed otherwise
    var retired = admin.put("/api/customer-categories/" + code, Map.of("label", "Wholesaler (old)", "active", false));
    assertThat(retired.status()).as(retired.body()).isEqualTo(200);
    assertThat(codes(sales.get("/api/customer-categories").json())).doesNotContain(code);
    assertThat(codes(sales.get("/api/customer-categories?withRetired=true").json())).contains(code);
    Map<String, Object> another = new HashMap<>(Api.customer("Another " + code));
    another.put("category", code);
    var refused = sales.post("/api/customers", another);
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.json().path("detail").asText()).contains("not a current category");
    var renamed = sales.patch("/api/customers/" + id, Map.of("address", "2 quai des Halles"));
    assertThat(renamed.status()).as(renamed.body()).isEqualTo(200);
    assertThat(renamed.json().path("category").asText()).isEqualTo(code);
    assertThat(sales.get("/api/customers?category=" + code).json().toString()).contains("Grossiste " + code);
  }

  @Test
  void builtInsAreRelabelledButNeverRetiredAndUnknownCodesAreRefused() {
    Api admin = Api.as(rest, "admin");
    var retire = admin.put("/api/customer-categories/PARTNER", Map.of("label", "Partner", "active", false));
    assertThat(retire.status()).isEqualTo(400);
    assertThat(retire.json().path("detail").asText()).contains("cannot be retired");
    assertThat(admin.put("/api/customer-categories/PARTNER", Map.of("label", "Partner firm")).status())
        .isEqualTo(200);
    assertThat(admin.get("/api/customer-categories/PARTNER").json().path("label").asText()).isEqualTo("Partner firm");
    admin.put("/api/customer-categories/PARTNER", Map.of("label", "Partner"));
    assertThat(admin.get("/api/customer-categories/NOPE").status()).isEqualTo(404);
    var search = Api.as(rest, "sales").get("/api/customers?category=NOPE");
    assertThat(search.status()).isEqualTo(400);
    assertThat(search.json().path("detail").asText()).contains("PROSPECT");
  }
}
