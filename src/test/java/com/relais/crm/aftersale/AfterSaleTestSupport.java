package com.relais.crm.aftersale;

import static org.assertj.core.api.Assertions.assertThat;

import com.relais.crm.Api;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.test.web.client.TestRestTemplate;

/** Deals and templates made through the API, as the demo users would. */
final class AfterSaleTestSupport {
  private AfterSaleTestSupport() {}

  /**
   * A deal at stage 6 (won) whose win was not announced, so no after-sale starts by itself: the tests start one on
   * request, which only a won deal may have.
   */
  static long wonDealWithoutAfterSale(TestRestTemplate rest, org.springframework.jdbc.core.JdbcTemplate jdbc,
      String title) {
    long deal = newDeal(rest, title);
    jdbc.update("update opportunity set stage = 'SALE_6_WON' where id = ?", deal);
    return deal;
  }

  static long newDeal(TestRestTemplate rest, String title) {
    long customerId = Api.as(rest, "sales").post("/api/customers", Api.customer("Customer of " + title))
        .json().path("id").asLong();
    Map<String, Object> deal = new HashMap<>();
    deal.put("customerId", customerId);
    deal.put("title", title);
    deal.put("amount", 4200.00);
    deal.put("currency", "EUR");
    var created = Api.as(rest, "sales").post("/api/opportunities", deal);
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return created.json().path("id").asLong();
  }

  static Map<String, Object> task(String name, String group, String user, String due, String reminder) {
    Map<String, Object> task = new LinkedHashMap<>();
    task.put("name", name);
    task.put("description", "Do " + name);
    task.put("candidateGroup", group);
    task.put("candidateUser", user);
    task.put("dueOffset", due);
    task.put("reminderOffset", reminder);
    return task;
  }

  @SafeVarargs
  static Map<String, Object> template(String name, boolean isDefault, Map<String, Object>... tasks) {
    Map<String, Object> template = new LinkedHashMap<>();
    template.put("name", name);
    template.put("defaultTemplate", isDefault);
    template.put("tasks", new ArrayList<>(List.of(tasks)));
    return template;
  }

  static long createTemplate(TestRestTemplate rest, Map<String, Object> template) {
    var created = Api.as(rest, "admin").post("/api/after-sale-templates", template);
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return created.json().path("id").asLong();
  }
}
