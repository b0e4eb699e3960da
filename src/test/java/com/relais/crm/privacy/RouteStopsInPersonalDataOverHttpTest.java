package com.relais.crm.privacy;

import static com.relais.crm.Eventually.eventuallyTrue;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.relais.crm.Api;
import com.relais.crm.DealDriver;
import com.relais.crm.HttpTest;
import com.relais.crm.routing.RoundsForTests;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The courier rounds in a person's data (issue 20): a customer whose delivery is a stop of an approved round finds
 * that stop in their export (route-stops.json: the day, the courier, their name, address, coordinates and expected
 * time); once the deal has ended and they are erased, the stop keeps its place in the round but no longer says whose
 * door it was.
 */
@HttpTest
class RouteStopsInPersonalDataOverHttpTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired TestRestTemplate rest;
  @Autowired DealDriver deals;
  @Autowired TaskService taskService;
  @Autowired RuntimeService runtimeService;
  @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;

  private final String run = UUID.randomUUID().toString().substring(0, 8);

  @AfterEach
  void quietEngine() {
    deals.awaitQuietEngine();
  }

  @Test
  void aStopOfAnApprovedRoundIsExportedAndErased() throws Exception {
    RoundsForTests rounds = new RoundsForTests(rest, deals, taskService);
    String name = "Apolline Ferrandier " + run;
    String address = "9 rue Merciere, Lyon";
    RoundsForTests.Stop stop = rounds.dealAtReception(name, address, 45.7622, 4.8331);
    // a day of its own, away from the days the other route-plan tests pick
    String day = LocalDate.of(2060, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(3000)).toString();
    rounds.proposed(day);
    JsonNode plan = rounds.decide(day, true);
    JsonNode round = RoundsForTests.roundOf(plan, "courier");
    assertThat(round).as("the courier has a round: " + plan).isNotNull();
    assertThat(RoundsForTests.stopsOf(round)).contains(stop.opportunityId());
    int place = RoundsForTests.stopsOf(round).indexOf(stop.opportunityId()) + 1;

    JsonNode exported = stopOf(export(stop.customerId()), stop.opportunityId(), day);
    assertThat(exported.path("planStatus").asText()).isEqualTo("APPROVED");
    assertThat(exported.path("courier").asText()).isEqualTo("courier");
    assertThat(exported.path("stopOrder").asInt()).isEqualTo(place);
    assertThat(exported.path("customerName").asText()).isEqualTo(name);
    assertThat(exported.path("address").asText()).isEqualTo(address);
    assertThat(exported.path("latitude").asDouble()).isEqualTo(45.7622);
    assertThat(exported.path("longitude").asDouble()).isEqualTo(4.8331);
    assertThat(exported.path("eta").asText()).isNotBlank();

    // the goods go to another site of theirs after all: the delivery's own place, recorded in the audit trail
    var placed = Api.as(rest, "logistics").put("/api/opportunities/" + stop.opportunityId() + "/delivery/place",
        Map.of("latitude", 45.7701, "longitude", 4.8412));
    assertThat(placed.status()).as(placed.body()).isEqualTo(200);
    assertThat(deliveryAudit(stop.opportunityId())).anyMatch(value -> value.contains("45.7701"));

    // the deal ends (the reception recorded, its after-sale done), so the person may be erased
    deals.complete(stop.opportunityId(), "userTask_recordReception", Map.of("receptionOutcome", "POSITIVE"));
    String key = Long.toString(stop.opportunityId());
    for (Task task : taskService.createTaskQuery().processInstanceBusinessKey(key).processDefinitionKey("after-sale")
        .list()) {
      taskService.complete(task.getId());
    }
    for (String process : List.of("delivery", "after-sale")) {
      eventuallyTrue(() -> runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(key)
          .processDefinitionKey(process).count() == 0);
    }

    Api admin = Api.as(rest, "admin");
    var erased = admin.post("/api/customers/" + stop.customerId() + "/erasure", null);
    assertThat(erased.status()).as(erased.body()).isEqualTo(200);
    assertThat(erased.json().path("routeStops").asInt()).isPositive();

    Map<String, byte[]> after = export(stop.customerId());
    JsonNode kept = stopOf(after, stop.opportunityId(), day);
    assertThat(kept.path("courier").asText()).as("the stop keeps its round").isEqualTo("courier");
    assertThat(kept.path("stopOrder").asInt()).isEqualTo(place);
    assertThat(kept.path("customerName").asText()).isNotEqualTo(name).doesNotContain("Ferrandier");
    assertThat(kept.path("address").isMissingNode() || kept.path("address").isNull()).isTrue();
    assertThat(kept.path("latitude").isMissingNode() || kept.path("latitude").isNull()).isTrue();
    assertThat(kept.path("longitude").isMissingNode() || kept.path("longitude").isNull()).isTrue();
    assertThat(new String(after.get("route-stops.json"), StandardCharsets.UTF_8)).doesNotContain(name)
        .doesNotContain(address);
    JsonNode planAfter = admin.get("/api/route-plans/" + day).json();
    assertThat(planAfter.toString()).doesNotContain(name);
    // nor does the delivery's audit trail say where the person was
    assertThat(deliveryAudit(stop.opportunityId())).isNotEmpty().noneMatch(value -> value.contains("45.7701"));
  }

  /** The recorded values of the deal's delivery's changes. */
  private List<String> deliveryAudit(long opportunityId) {
    return jdbc.queryForList("select coalesce(a.old_value, '') || ' | ' || coalesce(a.new_value, '')"
        + " from audit_change a join delivery d on a.entity = 'delivery' and a.entity_id = cast(d.id as varchar(20))"
        + " where d.opportunity_id = ?", String.class, opportunityId);
  }

  /** The export's stop of that deal on that day. */
  private static JsonNode stopOf(Map<String, byte[]> zip, long opportunityId, String day) throws IOException {
    assertThat(zip).containsKey("route-stops.json");
    for (JsonNode stop : JSON.readTree(zip.get("route-stops.json"))) {
      if (stop.path("opportunityId").asLong() == opportunityId && day.equals(stop.path("day").asText())) {
        return stop;
      }
    }
    throw new AssertionError("No stop of deal " + opportunityId + " on " + day + " in "
        + new String(zip.get("route-stops.json"), StandardCharsets.UTF_8));
  }

  private Map<String, byte[]> export(long customer) throws IOException {
    HttpHeaders headers = new HttpHeaders();
    headers.setAccept(List.of(MediaType.ALL));
    ResponseEntity<byte[]> answer = rest.withBasicAuth("admin", "admin").exchange(
        "/api/customers/" + customer + "/personal-data", HttpMethod.GET, new HttpEntity<>(headers), byte[].class);
    assertThat(answer.getStatusCode().value()).isEqualTo(200);
    Map<String, byte[]> entries = new LinkedHashMap<>();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(answer.getBody()))) {
      for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
        entries.put(entry.getName(), in.readAllBytes());
      }
    }
    return entries;
  }
}
