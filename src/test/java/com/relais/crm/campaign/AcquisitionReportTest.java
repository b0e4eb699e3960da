package com.relais.crm.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.relais.crm.Api;
import com.relais.crm.DealDriver;
import com.relais.crm.HttpTest;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/** Per acquisition source: customers brought in, with a deal, won, revenue, conversion, on made-up customers. */
@HttpTest
class AcquisitionReportTest {
  @Autowired TestRestTemplate rest;
  @Autowired DealDriver deals;

  private JsonNode partnerRow() {
    String today = LocalDate.now(ZoneId.of("Europe/Paris")).toString();
    for (JsonNode row : Api.as(rest, "manager").get("/api/reports/acquisition?from=" + today + "&to=" + today).json()
        .path("bySource")) {
      if ("PARTNER".equals(row.path("source").asText())) {
        return row;
      }
    }
    return null;
  }

  private static long count(JsonNode row, String field) {
    return row == null ? 0 : row.path(field).asLong();
  }

  @Test
  void fourCustomersFromPartnersTwoWithADealOneWon() {
    JsonNode before = partnerRow();
    String run = UUID.randomUUID().toString().substring(0, 6);
    Api sales = Api.as(rest, "sales");
    List<Long> ids = new java.util.ArrayList<>();
    for (int i = 0; i < 4; i++) {
      Map<String, Object> body = new HashMap<>(Api.customer("Partner lead " + i + " " + run));
      body.put("acquisitionSource", "PARTNER");
      ids.add(sales.post("/api/customers", body).json().path("id").asLong());
    }
    long won = sales.post("/api/opportunities", Map.of("customerId", ids.get(0), "title", "Won", "amount", 1000,
        "currency", "EUR")).json().path("id").asLong();
    sales.post("/api/opportunities", Map.of("customerId", ids.get(1), "title", "Open", "amount", 500,
        "currency", "EUR"));
    deals.winDeal(won, "EXTERNAL", true);

    JsonNode after = partnerRow();
    assertThat(count(after, "customers") - count(before, "customers")).isEqualTo(4);
    assertThat(count(after, "withADeal") - count(before, "withADeal")).isEqualTo(2);
    assertThat(count(after, "won") - count(before, "won")).isEqualTo(1);
    assertThat(after.path("revenue").decimalValue().subtract(before == null ? java.math.BigDecimal.ZERO
        : before.path("revenue").decimalValue())).isEqualByComparingTo("1000");
    assertThat(after.path("conversion").decimalValue()).isEqualByComparingTo(java.math.BigDecimal.valueOf(
        count(after, "won")).divide(java.math.BigDecimal.valueOf(count(after, "customers")), 4,
        java.math.RoundingMode.HALF_UP));
  }
}
