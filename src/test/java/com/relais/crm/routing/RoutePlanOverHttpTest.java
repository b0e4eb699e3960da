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

  @Test
  void aDeliveryToAnotherSiteIsPlannedAtItsOwnPlaceAndABadPlaceChangesNothing() {
    // the customer's office at Bellecour, the delivery to their building site at Gerland
    long elsewhere = dealAtReception("Office", 45.7578, 4.8320);
    // a customer with no coordinates at all, whose delivery has a place of its own: planned, not reported
    long siteOnly = dealAtReception("Unplaced", null, null);
    Api logistics = Api.as(rest, "logistics");
    String place = "/api/opportunities/" + elsewhere + "/delivery/place";

    // bad places: half a place, a latitude off the globe, a longitude off it; each a 400 naming the field
    var onlyLatitude = logistics.put(place, Map.of("latitude", 45.7300));
    assertThat(onlyLatitude.status()).as(onlyLatitude.body()).isEqualTo(400);
    assertThat(onlyLatitude.json().path("errors").findValuesAsText("field")).containsExactly("longitude");
    var onlyLongitude = logistics.put(place, Map.of("longitude", 4.8330));
    assertThat(onlyLongitude.status()).as(onlyLongitude.body()).isEqualTo(400);
    assertThat(onlyLongitude.json().path("errors").findValuesAsText("field")).containsExactly("latitude");
    var offTheGlobe = logistics.put(place, Map.of("latitude", 91, "longitude", 4.8330));
    assertThat(offTheGlobe.status()).as(offTheGlobe.body()).isEqualTo(400);
    assertThat(offTheGlobe.json().path("errors").findValuesAsText("field")).containsExactly("latitude");
    assertThat(logistics.put(place, Map.of("latitude", 45.73, "longitude", -180.5)).status()).isEqualTo(400);
    // not for sales; an unknown deal is a 404
    assertThat(Api.as(rest, "sales").put(place, Map.of("latitude", 45.73, "longitude", 4.833)).status())
        .isEqualTo(403);
    assertThat(logistics.put("/api/opportunities/987654321/delivery/place",
        Map.of("latitude", 45.73, "longitude", 4.833)).status()).isEqualTo(404);
    JsonNode untouched = logistics.get("/api/opportunities/" + elsewhere + "/delivery").json();
    assertThat(absent(untouched.path("latitude")) && absent(untouched.path("longitude")))
        .as("nothing stored after the refusals: %s", untouched).isTrue();

    var set = logistics.put(place, Map.of("latitude", 45.7300, "longitude", 4.8330));
    assertThat(set.status()).as(set.body()).isEqualTo(200);
    assertThat(set.json().path("latitude").asDouble()).isEqualTo(45.7300);
    JsonNode read = logistics.get("/api/opportunities/" + elsewhere + "/delivery").json();
    assertThat(read.path("latitude").asDouble()).isEqualTo(45.7300);
    assertThat(read.path("longitude").asDouble()).isEqualTo(4.8330);
    assertThat(logistics.put("/api/opportunities/" + siteOnly + "/delivery/place",
        Map.of("latitude", 45.7800, "longitude", 4.8600)).status()).isEqualTo(200);

    String date = LocalDate.of(2040, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(3000)).toString();
    assertThat(logistics.post("/api/route-plans", Map.of("date", date)).status()).isEqualTo(202);
    JsonNode plan = eventually(() -> logistics.get("/api/route-plans/" + date).json(),
        p -> "PROPOSED".equals(p.path("status").asText()));

    Map<Long, JsonNode> planned = new HashMap<>();
    plan.path("rounds").forEach(round -> round.path("stops").forEach(stop ->
        planned.put(stop.path("opportunityId").asLong(), stop)));
    assertThat(planned).as("both deliveries on a round: %s", plan).containsKeys(elsewhere, siteOnly);
    assertThat(planned.get(elsewhere).path("latitude").asDouble()).as("the site's, not the customer's")
        .isEqualTo(45.7300);
    assertThat(planned.get(elsewhere).path("longitude").asDouble()).isEqualTo(4.8330);
    assertThat(planned.get(siteOnly).path("latitude").asDouble()).isEqualTo(45.7800);
    assertThat(planned.get(siteOnly).path("longitude").asDouble()).isEqualTo(4.8600);
    plan.path("unplanned").forEach(stop -> assertThat(stop.path("opportunityId").asLong())
        .isNotIn(elsewhere, siteOnly));

    // sent back to the customer's address: both cleared
    Map<String, Object> neither = new HashMap<>();
    neither.put("latitude", null);
    neither.put("longitude", null);
    assertThat(logistics.put(place, neither).status()).isEqualTo(200);
    JsonNode cleared = logistics.get("/api/opportunities/" + elsewhere + "/delivery").json();
    assertThat(absent(cleared.path("latitude")) && absent(cleared.path("longitude"))).as("%s", cleared).isTrue();

    // the dispatcher refuses these rounds, so the instance ends here
    Task approval = eventually(() -> taskService.createTaskQuery().processInstanceBusinessKey(date)
        .taskDefinitionKey("userTask_approveRounds").singleResult(), t -> t != null);
    taskService.complete(approval.getId(), Map.of("approved", false));
  }

  private static boolean absent(JsonNode value) {
    return value.isMissingNode() || value.isNull();
  }

  /** A deal by internal transport, confirmed and paid, at its reception task; its customer placed or not. */
  private long dealAtReception(String place, Double latitude, Double longitude) {
    return DealsAtReception.dealAtReception(rest, deals, place + " " + run, latitude, longitude);
  }
}
