package com.relais.crm.routing;

import com.relais.crm.Api;
import com.relais.crm.DealDriver;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.test.web.client.TestRestTemplate;

/** The rounds' tests' stops: deals by internal transport, confirmed and paid, at their reception task. */
final class DealsAtReception {
  private DealsAtReception() {}

  /**
   * A deal of a new customer named {@code name} (placed or not), won with internal transport, confirmed and paid,
   * waiting at "Record the reception": a stop of any day's rounds from now on.
   */
  static long dealAtReception(TestRestTemplate rest, DealDriver deals, String name, Double latitude,
      Double longitude) {
    Api sales = Api.as(rest, "sales");
    Map<String, Object> customer = new HashMap<>(Map.of("name", name, "address", "1 rue " + name + ", Lyon",
        "category", "PROSPECT", "acquisitionSource", "WEBSITE"));
    if (latitude != null) {
      customer.put("latitude", latitude);
      customer.put("longitude", longitude);
    }
    long customerId = sales.post("/api/customers", customer).json().path("id").asLong();
    long id = sales.post("/api/opportunities", Map.of("customerId", customerId, "title", "Racks " + name,
        "amount", 2400, "currency", "EUR")).json().path("id").asLong();
    deals.winDeal(id, "INTERNAL", true);
    deals.complete(id, "userTask_confirmDelivery", Map.of("confirmed", true));
    deals.complete(id, "userTask_payTransport", Map.of("paymentReference", "PAY-ROUTE-" + id));
    deals.task(id, "userTask_recordReception");
    return id;
  }
}
