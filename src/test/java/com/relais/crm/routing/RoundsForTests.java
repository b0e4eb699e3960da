package com.relais.crm.routing;

import static com.relais.crm.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.relais.crm.Api;
import com.relais.crm.DealDriver;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.engine.TaskService;
import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * Courier rounds for tests of other capabilities (the monthly report, the personal-data export, the courier's phone):
 * deals by internal transport waiting at their reception, the way {@link RoutePlanOverHttpTest} makes them, and a
 * day's plan asked for and decided by the dispatcher ({@code logistics}) over HTTP.
 */
public final class RoundsForTests {
  private final TestRestTemplate rest;
  private final DealDriver deals;
  private final TaskService taskService;

  public RoundsForTests(TestRestTemplate rest, DealDriver deals, TaskService taskService) {
    this.rest = rest;
    this.deals = deals;
    this.taskService = taskService;
  }

  /** A deal on its way to a customer's door: the deal, its customer and the customer's name. */
  public record Stop(long opportunityId, long customerId, String customerName) {}

  /**
   * A deal by internal transport, confirmed and paid, at its reception task: a stop of the next plan. Its customer
   * is placed at the coordinates given, or has none when they are null.
   */
  public Stop dealAtReception(String customerName, String address, Double latitude, Double longitude) {
    Api sales = Api.as(rest, "sales");
    Map<String, Object> customer = new HashMap<>(Map.of("name", customerName, "address", address,
        "category", "PROSPECT", "acquisitionSource", "WEBSITE"));
    if (latitude != null) {
      customer.put("latitude", latitude);
      customer.put("longitude", longitude);
    }
    var created = sales.post("/api/customers", customer);
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    long customerId = created.json().path("id").asLong();
    var opened = sales.post("/api/opportunities", Map.of("customerId", customerId, "title", "Racks for "
        + customerName, "amount", 2400, "currency", "EUR"));
    assertThat(opened.status()).as(opened.body()).isEqualTo(201);
    long id = opened.json().path("id").asLong();
    deals.winDeal(id, "INTERNAL", true);
    deals.complete(id, "userTask_confirmDelivery", Map.of("confirmed", true));
    deals.complete(id, "userTask_payTransport", Map.of("paymentReference", "PAY-ROUTE-" + id));
    deals.task(id, "userTask_recordReception");
    return new Stop(id, customerId, customerName);
  }

  /** Asks for the day's rounds as the dispatcher (202 expected) and waits until the solver has proposed them. */
  public JsonNode proposed(String date) {
    var requested = request(date);
    assertThat(requested.status()).as(requested.body()).isEqualTo(202);
    return awaitProposed(date);
  }

  /** Asks for the day's rounds as the dispatcher: 202, or 409 when the day has a plan already. */
  public Api.Response request(String date) {
    return Api.as(rest, "logistics").post("/api/route-plans", Map.of("date", date));
  }

  /** The day's plan once the solver has proposed it. */
  public JsonNode awaitProposed(String date) {
    Api logistics = Api.as(rest, "logistics");
    return eventually(() -> logistics.get("/api/route-plans/" + date).json(),
        plan -> "PROPOSED".equals(plan.path("status").asText()));
  }

  /**
   * The dispatcher's decision in "Approve the rounds", completed over the engine's REST API as {@code logistics} (as
   * Tasklist does); the plan once it shows the decision.
   */
  public JsonNode decide(String date, boolean approved) {
    String taskId = eventually(() -> taskService.createTaskQuery().processInstanceBusinessKey(date)
        .taskDefinitionKey("userTask_approveRounds").singleResult(), Objects::nonNull).getId();
    Api logistics = Api.as(rest, "logistics");
    var completed = logistics.post("/engine-rest/task/" + taskId + "/complete", Map.of("variables",
        Map.of("approved", Map.of("value", approved))));
    assertThat(completed.status()).as(completed.body()).isEqualTo(204);
    String status = approved ? "APPROVED" : "REFUSED";
    return eventually(() -> logistics.get("/api/route-plans/" + date).json(),
        plan -> status.equals(plan.path("status").asText()));
  }

  /** The plan's round of one courier, or null when they have none. */
  public static JsonNode roundOf(JsonNode plan, String courier) {
    for (JsonNode round : plan.path("rounds")) {
      if (courier.equals(round.path("courier").asText())) {
        return round;
      }
    }
    return null;
  }

  /** The deals of a round's stops, in the round's order. */
  public static List<Long> stopsOf(JsonNode round) {
    List<Long> stops = new ArrayList<>();
    round.path("stops").forEach(stop -> stops.add(stop.path("opportunityId").asLong()));
    return stops;
  }
}
