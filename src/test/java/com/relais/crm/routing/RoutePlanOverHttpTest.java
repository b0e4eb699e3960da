package com.relais.crm.routing;

import static com.relais.crm.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.relais.crm.Api;
import com.relais.crm.DealDriver;
import com.relais.crm.HttpTest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * The couriers' rounds over HTTP (issue 20): deals by internal transport waiting at the reception, their customers
 * placed around Lyon, are planned by the solver into the courier's round in order with times; a customer without
 * coordinates is reported, not dropped; the dispatcher's approval gives the courier a "Drive the round" task and the
 * sheet prints. Also: coordinates round-trip through the customer API and are checked, a second plan of the day is
 * a 409 and a bad date a 400.
 */
@HttpTest
class RoutePlanOverHttpTest {
  @org.springframework.boot.test.web.server.LocalServerPort int port;
  @Autowired TestRestTemplate rest;
  @Autowired DealDriver deals;
  @Autowired TaskService taskService;

  private final String run = UUID.randomUUID().toString().substring(0, 8);

  @AfterEach
  void quietEngine() {
    deals.awaitQuietEngine();
  }

  @Test
  void coordinatesAreOptionalCheckedAndRoundTrip() {
    Api sales = Api.as(rest, "sales");
    JsonNode created = sales.post("/api/customers", Map.of("name", "Placed " + run, "latitude", 45.7640,
        "longitude", 4.8357)).json();
    long id = created.path("id").asLong();
    assertThat(created.path("latitude").asDouble()).isEqualTo(45.7640);
    assertThat(sales.get("/api/customers/" + id).json().path("longitude").asDouble()).isEqualTo(4.8357);

    assertThat(sales.patch("/api/customers/" + id, Map.of("latitude", 91)).status()).isEqualTo(400);
    assertThat(sales.patch("/api/customers/" + id, Map.of("longitude", -180.5)).status()).isEqualTo(400);
    assertThat(sales.patch("/api/customers/" + id, Map.of("latitude", 45.70)).status()).isEqualTo(200);
    JsonNode changed = sales.get("/api/customers/" + id).json();
    assertThat(changed.path("latitude").asDouble()).isEqualTo(45.70);
    assertThat(changed.path("longitude").asDouble()).as("kept").isEqualTo(4.8357);

    Map<String, Object> cleared = new HashMap<>();
    cleared.put("latitude", null);
    sales.patch("/api/customers/" + id, cleared);
    assertThat(sales.get("/api/customers/" + id).json().path("latitude").isMissingNode()
        || sales.get("/api/customers/" + id).json().path("latitude").isNull()).isTrue();
  }

  @Test
  void theDaysStopsArePlannedApprovedAndHandedToTheCourier() throws Exception {
    long bellecour = dealAtReception("Bellecour", 45.7578, 4.8320);
    long croixRousse = dealAtReception("Croix-Rousse", 45.7745, 4.8277);
    long villeurbanne = dealAtReception("Villeurbanne", 45.7719, 4.8902);
    long nowhere = dealAtReception("Nowhere", null, null);
    List<Long> plannable = List.of(bellecour, croixRousse, villeurbanne);

    Api logistics = Api.as(rest, "logistics");
    String date = LocalDate.of(2040, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(3000)).toString();
    assertThat(logistics.post("/api/route-plans", Map.of("date", "2040-13-01")).status()).isEqualTo(400);
    assertThat(Api.as(rest, "sales").post("/api/route-plans", Map.of("date", date)).status()).isEqualTo(403);
    var requested = logistics.post("/api/route-plans", Map.of("date", date));
    assertThat(requested.status()).as(requested.body()).isEqualTo(202);
    assertThat(requested.json().path("status").asText()).isEqualTo("REQUESTED");
    assertThat(logistics.post("/api/route-plans", Map.of("date", date)).status()).isEqualTo(409);

    JsonNode plan = eventually(() -> logistics.get("/api/route-plans/" + date).json(),
        p -> "PROPOSED".equals(p.path("status").asText()));

    // every plannable stop exactly once, in order of arrival, each with a time; no round over its van's capacity
    List<Long> onRounds = new ArrayList<>();
    for (JsonNode round : plan.path("rounds")) {
      assertThat(round.path("load").asInt()).isLessThanOrEqualTo(20).isEqualTo(round.path("stops").size());
      assertThat(round.path("distanceKm").asDouble()).isPositive();
      assertThat(round.path("durationMinutes").asInt()).isPositive();
      assertThat(round.path("transportCost").asDouble()).isPositive();
      Instant previous = Instant.MIN;
      for (JsonNode stop : round.path("stops")) {
        Instant eta = Instant.parse(stop.path("eta").asText());
        assertThat(eta).isAfter(previous);
        previous = eta;
        assertThat(stop.path("latitude").isNumber()).isTrue();
        assertThat(stop.path("customerName").asText()).isNotBlank();
        onRounds.add(stop.path("opportunityId").asLong());
      }
    }
    assertThat(onRounds).containsAll(plannable);
    assertThat(onRounds.stream().filter(plannable::contains)).hasSize(plannable.size());
    assertThat(onRounds).doesNotContain(nowhere);
    JsonNode reported = null;
    for (JsonNode stop : plan.path("unplanned")) {
      if (stop.path("opportunityId").asLong() == nowhere) {
        reported = stop;
      }
    }
    assertThat(reported).as("the stop without coordinates is reported").isNotNull();
    assertThat(reported.path("reason").asText()).contains("no coordinates");

    Task approval = eventually(() -> taskService.createTaskQuery().processInstanceBusinessKey(date)
        .taskDefinitionKey("userTask_approveRounds").singleResult(), t -> t != null);
    assertThat(taskService.getVariable(approval.getId(), "roundsSummary").toString())
        .contains("Bellecour " + run, "Nowhere " + run);
    taskService.complete(approval.getId(), Map.of("approved", true));

    assertThat(logistics.get("/api/route-plans/" + date).json().path("status").asText()).isEqualTo("APPROVED");
    List<Task> drive = taskService.createTaskQuery().processInstanceBusinessKey(date)
        .taskDefinitionKey("userTask_driveRound").list();
    assertThat(drive).extracting(Task::getAssignee).contains("courier");

    // on the courier's phone: the round in order, and each stop's reception signed there with the customer
    var courier = new com.relais.crm.web.StaffAppSession(port);
    courier.logIn("courier");
    String round = courier.get("/round?day=" + date).body();
    JsonNode theirs = null;
    for (JsonNode r : plan.path("rounds")) {
      if ("courier".equals(r.path("courier").asText())) {
        theirs = r;
      }
    }
    assertThat(theirs).as("the courier has a round").isNotNull();
    long firstStop = theirs.path("stops").path(0).path("opportunityId").asLong();
    assertThat(round).contains(theirs.path("stops").path(0).path("customerName").asText())
        .contains("/deals/" + firstStop + "/reception-link").doesNotContain("Nowhere " + run);
    var signHere = courier.postForm("/deals/" + firstStop + "/reception-link", Map.of());
    assertThat(signHere.statusCode()).isEqualTo(302);
    assertThat(signHere.headers().firstValue("Location").orElseThrow()).contains("/public/reception/");
    var page = courier.get(java.net.URI.create(signHere.headers().firstValue("Location").orElseThrow()).getPath(),
        "Accept", "text/html");
    assertThat(page.statusCode()).as(page.body()).isEqualTo(200);

    var sheet = Api.as(rest, "courier").rest().getForEntity("/api/route-plans/" + date + "/rounds/courier/sheet",
        byte[].class);
    assertThat(sheet.getStatusCode().value()).isEqualTo(200);
    assertThat(new String(sheet.getBody(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
    assertThat(Api.as(rest, "courier").get("/api/route-plans/" + date + "/rounds/nobody/sheet").status())
        .isEqualTo(404);
  }

  /** A deal by internal transport, confirmed and paid, at its reception task; its customer placed or not. */
  private long dealAtReception(String place, Double latitude, Double longitude) {
    Api sales = Api.as(rest, "sales");
    Map<String, Object> customer = new HashMap<>(Map.of("name", place + " " + run, "address", "1 rue " + place
        + ", Lyon", "category", "PROSPECT", "acquisitionSource", "WEBSITE"));
    if (latitude != null) {
      customer.put("latitude", latitude);
      customer.put("longitude", longitude);
    }
    long customerId = sales.post("/api/customers", customer).json().path("id").asLong();
    long id = sales.post("/api/opportunities", Map.of("customerId", customerId, "title", "Racks " + place + " " + run,
        "amount", 2400, "currency", "EUR")).json().path("id").asLong();
    deals.winDeal(id, "INTERNAL", true);
    deals.complete(id, "userTask_confirmDelivery", Map.of("confirmed", true));
    deals.complete(id, "userTask_payTransport", Map.of("paymentReference", "PAY-ROUTE-" + id));
    deals.task(id, "userTask_recordReception");
    return id;
  }
}
