package com.relais.crm.opportunity;

import static org.assertj.core.api.Assertions.assertThat;

import com.relais.crm.Api;
import com.relais.crm.HttpTest;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

@HttpTest
class OpportunityApiTest {
  @Autowired TestRestTemplate rest;
  @Autowired RuntimeService runtimeService;
  @Autowired JdbcTemplate jdbc;

  private long newCustomer(String name) {
    return Api.as(rest, "sales").post("/api/customers", Api.customer(name)).json().path("id").asLong();
  }

  private Map<String, Object> deal(long customerId, String title) {
    Map<String, Object> deal = new HashMap<>();
    deal.put("customerId", customerId);
    deal.put("title", title);
    deal.put("amount", 12500.50);
    deal.put("currency", "EUR");
    deal.put("expectedCloseDate", "2027-03-31");
    return deal;
  }

  @Test
  void creatingADealStartsItsSaleUnderTheDealsBusinessKey() {
    long customerId = newCustomer("Boulangerie Martin");
    var created = Api.as(rest, "sales").post("/api/opportunities", deal(customerId, "Two bread ovens"));
    assertThat(created.status()).isEqualTo(201);
    long id = created.json().path("id").asLong();
    assertThat(created.json().path("stage").asText()).isEqualTo("SALE_1_PROSPECT");
    assertThat(created.json().path("owner").asText()).isEqualTo("sales");

    var sale = runtimeService.createProcessInstanceQuery()
        .processDefinitionKey("sale").processInstanceBusinessKey(Long.toString(id)).singleResult();
    assertThat(sale).isNotNull();
    assertThat(runtimeService.getVariable(sale.getId(), "customerName")).isEqualTo("Boulangerie Martin");
    assertThat(runtimeService.getVariable(sale.getId(), "opportunityTitle")).isEqualTo("Two bread ovens");

    var read = Api.as(rest, "manager").get("/api/opportunities/" + id);
    assertThat(read.json().path("amount").decimalValue()).isEqualByComparingTo("12500.50");
    assertThat(read.json().path("stageHistory")).hasSize(1);
    assertThat(read.json().path("stageHistory").get(0).path("to").asText()).isEqualTo("SALE_1_PROSPECT");

    var list = Api.as(rest, "sales").get("/api/opportunities?customerId=" + customerId);
    assertThat(list.json().path("content")).hasSize(1);
  }

  @Test
  void badDealsAreRefusedWithTheFieldNamedAndNoSaleStarts() {
    long customerId = newCustomer("Refused Deals Ltd");
    long deals = jdbc.queryForObject("select count(*) from opportunity", Long.class);
    long sales = runtimeService.createProcessInstanceQuery().processDefinitionKey("sale").count();

    Map<String, Object> negative = deal(customerId, "Negative");
    negative.put("amount", -5);
    assertThat(Api.as(rest, "sales").post("/api/opportunities", negative).json().path("errors")
        .findValuesAsText("field")).containsExactly("amount");

    Map<String, Object> currency = deal(customerId, "Currency");
    currency.put("currency", "euro");
    assertThat(Api.as(rest, "sales").post("/api/opportunities", currency).status()).isEqualTo(400);

    Map<String, Object> farFuture = deal(customerId, "Far future");
    farFuture.put("expectedCloseDate", "2999-01-01");
    var date = Api.as(rest, "sales").post("/api/opportunities", farFuture);
    assertThat(date.status()).isEqualTo(400);
    assertThat(date.json().path("errors").findValuesAsText("field")).containsExactly("expectedCloseDate");

    var unknownCustomer = Api.as(rest, "sales").post("/api/opportunities", deal(987654321L, "Ghost"));
    assertThat(unknownCustomer.status()).isEqualTo(400);
    assertThat(unknownCustomer.json().path("errors").findValuesAsText("field")).containsExactly("customerId");

    Map<String, Object> longTitle = deal(customerId, "x".repeat(5000));
    assertThat(Api.as(rest, "sales").post("/api/opportunities", longTitle).status()).isEqualTo(400);

    assertThat(Api.as(rest, "finance").post("/api/opportunities", deal(customerId, "Not finance's")).status())
        .isEqualTo(403);

    assertThat(jdbc.queryForObject("select count(*) from opportunity", Long.class)).isEqualTo(deals);
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("sale").count()).isEqualTo(sales);
  }

  @Test
  void unknownDealsAndCustomersAre404() {
    assertThat(Api.as(rest, "sales").get("/api/opportunities/987654321").status()).isEqualTo(404);
    assertThat(Api.as(rest, "sales").get("/api/opportunities?customerId=987654321").status()).isEqualTo(404);
    assertThat(Api.as(rest, "sales").get("/api/opportunities/abc").status()).isEqualTo(400);
  }
}
