package com.relais.crm.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.relais.crm.Api;
import com.relais.crm.DealDriver;
import com.relais.crm.HttpTest;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * docs/operations.md, "Moving running deals to a changed diagram", done as an analyst would: a changed delivery is
 * deployed, a migration plan generated and executed over /engine-rest, and deals waiting at several stages then
 * finish on the new version with each stage in their history once.
 */
@HttpTest
class RunningDealsMigrationTest {
  private static final String RENAMED = "Confirm the delivery slot with the customer";

  @Autowired TestRestTemplate rest;
  @Autowired DealDriver deals;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired DeliveryProcess deliveryProcess;

  @Test
  void dealsWaitingAtSeveralStagesMoveToTheNewVersionAndFinish() throws Exception {
    long atQuote = deals.openDeal("Migrating Quote SA", "2000");
    deals.winDeal(atQuote, "EXTERNAL", false);
    long atConfirmation = deals.openDeal("Migrating Confirm SARL", "3000");
    deals.winDeal(atConfirmation, "INTERNAL", true);
    long atReception = deals.openDeal("Migrating Reception SAS", "4000");
    deals.winDeal(atReception, "INTERNAL", true);
    deals.complete(atReception, "userTask_confirmDelivery", Map.of("confirmed", true));
    deals.complete(atReception, "userTask_payTransport", Map.of("paymentReference", "PAY-M-1"));
    List<Long> running = List.of(atQuote, atConfirmation, atReception);
    String v1 = deals.instance("delivery", atQuote).getProcessDefinitionId();

    String v2 = deployChangedDelivery();
    try {
      Api admin = Api.as(rest, "admin");
      var plan = admin.post("/engine-rest/migration/generate", Map.of("sourceProcessDefinitionId", v1,
          "targetProcessDefinitionId", v2, "updateEventTriggers", true));
      assertThat(plan.status()).as(plan.body()).isEqualTo(200);
      List<String> ids = new ArrayList<>();
      running.forEach(id -> ids.add(deals.instance("delivery", id).getId()));
      var executed = admin.post("/engine-rest/migration/execute", Map.of("migrationPlan", plan.json(),
          "processInstanceIds", ids, "skipCustomListeners", false));
      assertThat(executed.status()).as(executed.body()).isEqualTo(204);
      running.forEach(id -> assertThat(deals.instance("delivery", id).getProcessDefinitionId()).isEqualTo(v2));

      assertThat(deliveryProcess.receiveQuote(atQuote, new BigDecimal("150"))).isTrue();
      deals.awaitJobs(atQuote);
      deals.complete(atQuote, "userTask_evaluateTransportCost", Map.of("transport", "EXTERNAL", "transportCost", 150));
      deals.complete(atQuote, "userTask_approveTransport", Map.of("transportApproved", true));
      assertThat(deals.task(atQuote, "userTask_confirmDelivery").getName()).isEqualTo(RENAMED);
      finish(atQuote);
      finish(atConfirmation);
      deals.complete(atReception, "userTask_recordReception", Map.of("receptionOutcome", "POSITIVE"));

      for (long id : running) {
        JsonNode delivery = Api.as(rest, "logistics").get("/api/opportunities/" + id + "/delivery").json();
        assertThat(delivery.path("stage").asText()).isEqualTo("DELIVERY_7_RECEIVED");
        List<String> entered = new ArrayList<>();
        delivery.path("stageHistory").forEach(change -> entered.add(change.path("to").asText()));
        assertThat(entered).as("deal %d", id).doesNotHaveDuplicates().endsWith("DELIVERY_7_RECEIVED")
            .contains("DELIVERY_5_CONFIRMATION", "DELIVERY_6_PAYMENT");
      }
    } finally {
      repositoryService.deleteDeployment(repositoryService.getProcessDefinition(v2).getDeploymentId(), true);
    }
  }

  private void finish(long id) {
    deals.complete(id, "userTask_confirmDelivery", Map.of("confirmed", true));
    deals.complete(id, "userTask_payTransport", Map.of("paymentReference", "PAY-M-" + id));
    deals.complete(id, "userTask_recordReception", Map.of("receptionOutcome", "POSITIVE"));
  }

  /** The delivery an analyst changed: the confirmation task now says what to confirm. */
  private String deployChangedDelivery() throws Exception {
    String diagram;
    try (InputStream in = getClass().getResourceAsStream("/delivery.bpmn")) {
      diagram = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    String changed = diagram.replace("name=\"Confirm the delivery\"", "name=\"" + RENAMED + "\"");
    assertThat(changed).isNotEqualTo(diagram);
    var deployment = repositoryService.createDeployment().name("delivery, confirmation renamed")
        .addString("delivery.bpmn", changed).deploy();
    return repositoryService.createProcessDefinitionQuery().deploymentId(deployment.getId()).singleResult().getId();
  }
}
