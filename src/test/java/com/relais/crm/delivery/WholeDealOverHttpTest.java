package com.relais.crm.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.relais.crm.Api;
import com.relais.crm.DealDriver;
import com.relais.crm.HttpTest;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageTestExecutionListener;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestExecutionListeners;
import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * One deal from the creation of its opportunity to the end of its support case, through HTTP only: /api for the
 * CRM, /engine-rest for tasks, each completed by a user of the task's group, as Tasklist does.
 */
@HttpTest
@TestExecutionListeners(value = ProcessEngineCoverageTestExecutionListener.class,
    mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
class WholeDealOverHttpTest {
  @Autowired TestRestTemplate rest;
  @Autowired DealDriver deals;

  /** The coverage listener exports when the class ends; the job executor must be quiet then (DealDriver). */
  @org.junit.jupiter.api.AfterEach
  void quietEngine() {
    deals.awaitQuietEngine();
  }

  private static final String OUTSIDER = "outsider";
  private static final String OUTSIDER_PASSWORD = "outsider-password";

  @Autowired org.camunda.bpm.engine.IdentityService identityService;

  private long id;

  /** A logged-in employee in no group. */
  private void ensureOutsider() {
    if (identityService.createUserQuery().userId(OUTSIDER).count() == 0) {
      var user = identityService.newUser(OUTSIDER);
      user.setPassword(OUTSIDER_PASSWORD);
      identityService.saveUser(user);
    }
  }

  /** Finds the deal's open task as {@code user} (engine authorizations decide what it sees) and completes it. */
  private void complete(String user, String taskKey, Map<String, Object> variables) {
    JsonNode task = openTask(user, taskKey);
    Map<String, Object> typed = new LinkedHashMap<>();
    variables.forEach((name, value) -> typed.put(name, Map.of("value", value)));
    var answer = Api.as(rest, user).post("/engine-rest/task/" + task.path("id").asText() + "/complete",
        Map.of("variables", typed));
    assertThat(answer.status()).as(answer.body()).isEqualTo(204);
    deals.awaitJobs(id);
  }

  private JsonNode openTask(String user, String taskKey) {
    var tasks = Api.as(rest, user).get("/engine-rest/task?processInstanceBusinessKey=" + id
        + "&taskDefinitionKey=" + taskKey);
    assertThat(tasks.status()).isEqualTo(200);
    assertThat(tasks.json()).as("%s sees task %s", user, taskKey).hasSize(1);
    return tasks.json().get(0);
  }

  private String saleStage() {
    return Api.as(rest, "sales").get("/api/opportunities/" + id).json().path("stage").asText();
  }

  private String deliveryStage() {
    return Api.as(rest, "logistics").get("/api/opportunities/" + id + "/delivery").json().path("stage").asText();
  }

  @Test
  void aDealTravelsFromOpportunityToSupportCaseOverHttp() {
    Api sales = Api.as(rest, "sales");
    long customerId = sales.post("/api/customers", Api.customer("Quincaillerie Bernard")).json().path("id").asLong();
    var created = sales.post("/api/opportunities", Map.of("customerId", customerId, "title", "Shelving",
        "amount", 30000, "currency", "EUR"));
    id = created.json().path("id").asLong();
    assertThat(saleStage()).isEqualTo("SALE_1_PROSPECT");
    // logistics has no part in the deal yet
    var notYours = Api.as(rest, "logistics").get("/api/opportunities/" + id);
    assertThat(notYours.status()).isEqualTo(403);
    assertThat(notYours.contentType()).startsWith("application/problem+json");

    // a user outside the task's group neither sees nor completes it
    var salesTask = openTask("sales", "userTask_qualifyProspect");
    assertThat(Api.as(rest, "logistics").get("/engine-rest/task?processInstanceBusinessKey=" + id).json()).isEmpty();
    var refused = Api.as(rest, "logistics").post("/engine-rest/task/" + salesTask.path("id").asText() + "/complete",
        Map.of("variables", Map.of()));
    assertThat(refused.status()).isEqualTo(403);
    // Tasklist renders the task's Camunda Form from the deployment, for the task's group only
    var form = Api.as(rest, "sales").get("/engine-rest/task/" + salesTask.path("id").asText() + "/deployed-form");
    assertThat(form.status()).isEqualTo(200);
    assertThat(form.json().path("id").asText()).isEqualTo("form_qualifyProspect");
    assertThat(Api.as(rest, "logistics").get("/engine-rest/task/" + salesTask.path("id").asText()
        + "/deployed-form").status()).isEqualTo(403);
    assertThat(openTask("sales", "userTask_qualifyProspect").path("id").asText())
        .isEqualTo(salesTask.path("id").asText());

    complete("sales", "userTask_qualifyProspect", Map.of("saleOutcome", "OPEN"));
    assertThat(saleStage()).isEqualTo("SALE_2_QUALIFIED");
    complete("sales", "userTask_prepareProposal", Map.of("saleOutcome", "OPEN"));
    complete("sales", "userTask_followUpProposal", Map.of("saleOutcome", "OPEN"));
    assertThat(saleStage()).isEqualTo("SALE_4_NEGOTIATION");

    // a signature before the deal waits for one is a conflict, not a 500
    Api provider = Api.signatureProvider(rest);
    var early = provider.post("/api/opportunities/" + id + "/delivery-note/signature",
        Map.of("signedBy", "M. Bernard"));
    assertThat(early.status()).isEqualTo(409);
    assertThat(early.contentType()).startsWith("application/problem+json");

    complete("sales", "userTask_negotiate", Map.of("saleOutcome", "WON", "transport", "EXTERNAL", "simplified", false));
    assertThat(saleStage()).isEqualTo("SALE_5_SIGNATURE");
    var documents = sales.get("/api/opportunities/" + id + "/documents").json();
    assertThat(documents).hasSize(1);
    var pdf = rest.withBasicAuth("sales", "sales").getForEntity(documents.get(0).path("contentUrl").asText(),
        byte[].class);
    assertThat(new String(pdf.getBody(), 0, 5)).isEqualTo("%PDF-");
    complete("sales", "userTask_sendDeliveryNote", Map.of("deliveryNoteSent", true));

    var signed = provider.post("/api/opportunities/" + id + "/delivery-note/signature",
        Map.of("signedBy", "M. Bernard"));
    assertThat(signed.status()).isEqualTo(200);
    assertThat(signed.json().path("alreadySigned").asBoolean()).isFalse();
    deals.awaitJobs(id);
    var again = provider.post("/api/opportunities/" + id + "/delivery-note/signature",
        Map.of("signedBy", "M. Bernard"));
    assertThat(again.json().path("alreadySigned").asBoolean()).isTrue();
    assertThat(saleStage()).isEqualTo("SALE_6_WON");
    assertThat(deliveryStage()).isEqualTo("DELIVERY_2_CARRIER_TRANSFER");

    assertThat(Api.as(rest, "sales").post("/api/opportunities/" + id + "/delivery/carrier-quote",
        Map.of("amount", 200)).status()).isEqualTo(403);
    var quote = Api.as(rest, "logistics").post("/api/opportunities/" + id + "/delivery/carrier-quote",
        Map.of("amount", 200));
    assertThat(quote.status()).isEqualTo(200);
    deals.awaitJobs(id);
    var sameQuote = Api.as(rest, "logistics").post("/api/opportunities/" + id + "/delivery/carrier-quote",
        Map.of("amount", 200));
    assertThat(sameQuote.json().path("alreadyReceived").asBoolean()).isTrue();
    assertThat(Api.as(rest, "logistics").post("/api/opportunities/" + id + "/delivery/carrier-quote",
        Map.of("amount", 999)).status()).isEqualTo(409);
    assertThat(deliveryStage()).isEqualTo("DELIVERY_3_COST_EVALUATION");

    // once a task of the deal reaches logistics' group, logistics may open the deal
    assertThat(Api.as(rest, "logistics").get("/api/opportunities/" + id).status()).isEqualTo(200);
    assertThat(Api.as(rest, "support").get("/api/opportunities/" + id).status()).isEqualTo(403);
    complete("logistics", "userTask_evaluateTransportCost", Map.of("transport", "EXTERNAL", "transportCost", 200));
    assertThat(deliveryStage()).isEqualTo("DELIVERY_4_FINANCIAL_APPROVAL");
    complete("finance", "userTask_approveTransport", Map.of("transportApproved", true));
    complete("logistics", "userTask_confirmDelivery", Map.of("confirmed", true));
    assertThat(deliveryStage()).isEqualTo("DELIVERY_6_PAYMENT");
    complete("finance", "userTask_payTransport", Map.of("paymentReference", "VIR-778"));
    complete("logistics", "userTask_recordReception", Map.of("receptionOutcome", "NEGATIVE",
        "receptionComment", "Wrong colour"));

    var delivery = Api.as(rest, "logistics").get("/api/opportunities/" + id + "/delivery").json();
    assertThat(delivery.path("stage").asText()).isEqualTo("DELIVERY_8_REJECTED");
    assertThat(delivery.path("paymentReference").asText()).isEqualTo("VIR-778");
    assertThat(delivery.path("stageHistory").get(0).path("to").asText()).isEqualTo("DELIVERY_1_NOTE_ISSUED");
    long caseId = delivery.path("supportCaseId").asLong();
    assertThat(caseId).isPositive();

    complete("support", "userTask_triageCase", Map.of("priority", "NORMAL"));
    complete("support", "userTask_resolveCase", Map.of("resolution", "REPLACE"));
    complete("support", "userTask_confirmResolution", Map.of("resolved", true));
    var supportCase = Api.as(rest, "support").get("/api/support-cases/" + caseId).json();
    assertThat(supportCase.path("status").asText()).isEqualTo("RESOLVED");
    assertThat(supportCase.path("reason").asText()).isEqualTo("Wrong colour");
    // a user with no part in the deal sees neither its support case nor its documents
    ensureOutsider();
    assertThat(Api.withPassword(rest, OUTSIDER, OUTSIDER_PASSWORD).get("/api/support-cases/" + caseId).status())
        .isEqualTo(403);
    assertThat(Api.withPassword(rest, OUTSIDER, OUTSIDER_PASSWORD).get("/api/opportunities/" + id + "/documents")
        .status()).isEqualTo(403);
    assertThat(Api.withPassword(rest, OUTSIDER, OUTSIDER_PASSWORD).get("/api/opportunities/" + id + "/delivery")
        .status()).isEqualTo(403);

    // every instance of the deal carries the same business key
    var instances = Api.as(rest, "admin").get("/engine-rest/history/process-instance?processInstanceBusinessKey=" + id);
    assertThat(instances.json().findValuesAsText("processDefinitionKey"))
        .containsExactlyInAnyOrder("sale", "delivery", "after-sale", "support");
  }

  @Test
  void messagesForUnknownDealsAre404AndBadQuotesAre400() {
    assertThat(Api.signatureProvider(rest).post("/api/opportunities/987654321/delivery-note/signature",
        Map.of("signedBy", "Nobody")).status()).isEqualTo(404);
    assertThat(Api.as(rest, "logistics").post("/api/opportunities/987654321/delivery/carrier-quote",
        Map.of("amount", 10)).status()).isEqualTo(404);
    long deal = deals.openDeal("No Delivery Yet", "10");
    assertThat(Api.as(rest, "logistics").post("/api/opportunities/" + deal + "/delivery/carrier-quote",
        Map.of("amount", 10)).status()).isEqualTo(404);
    var negative = Api.as(rest, "logistics").post("/api/opportunities/" + deal + "/delivery/carrier-quote",
        Map.of("amount", -10));
    assertThat(negative.status()).isEqualTo(400);
    assertThat(negative.json().path("errors").findValuesAsText("field")).containsExactly("amount");
    assertThat(Api.signatureProvider(rest).post("/api/opportunities/" + deal + "/delivery-note/signature",
        Map.of("signedBy", " ")).status()).isEqualTo(400);
  }
}
