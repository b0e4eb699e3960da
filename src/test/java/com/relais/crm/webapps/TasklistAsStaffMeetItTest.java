package com.relais.crm.webapps;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.relais.crm.Api;
import com.relais.crm.DealDriver;
import com.relais.crm.HttpTest;
import com.relais.crm.WebappSession;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What Tasklist does with a deal's tasks, through the same engine API calls: dates, comments, cards, the delivery
 * note's link, the closing decision. The browser tests (BrowserTasklistTest) do a few of these in Chromium.
 */
@HttpTest
class TasklistAsStaffMeetItTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired TestRestTemplate rest;
  @Autowired DealDriver deals;
  @LocalServerPort int port;

  private JsonNode task(String user, long deal, String taskKey) {
    var tasks = Api.as(rest, user).get("/engine-rest/task?processInstanceBusinessKey=" + deal
        + "&taskDefinitionKey=" + taskKey);
    assertThat(tasks.json()).as("%s sees %s", user, taskKey).hasSize(1);
    return tasks.json().get(0);
  }

  private Api.Response complete(String user, String taskId, Map<String, Object> variables) {
    Map<String, Object> typed = new LinkedHashMap<>();
    variables.forEach((name, value) -> typed.put(name, Map.of("value", value)));
    return Api.as(rest, user).post("/engine-rest/task/" + taskId + "/complete", Map.of("variables", typed));
  }

  @Test
  void aFollowUpDateIsSetTheWayTasklistSendsItAndPutsTheTaskInPending() throws Exception {
    long deal = deals.openDeal("Follow Up Later SA", "1000");
    JsonNode task = task("sales", deal, "userTask_qualifyProspect");
    assertThat(task.path("camundaFormRef").path("key").asText()).isEqualTo("form_qualifyProspect");

    ObjectNode sentBack = (ObjectNode) task.deepCopy();
    sentBack.put("followUp", "2099-01-15T09:00:00.000+0000");
    var updated = Api.as(rest, "sales").put("/engine-rest/task/" + task.path("id").asText(), sentBack.toString());
    assertThat(updated.status()).as(updated.body()).isEqualTo(204);
    assertThat(task("sales", deal, "userTask_qualifyProspect").path("followUp").asText()).startsWith("2099-01-15");
    var pending = rest.exchange("/engine-rest/filter/" + filter("Pending") + "/list?firstResult=0&maxResults=500",
        org.springframework.http.HttpMethod.POST, halRequest(), String.class);
    assertThat(pending.getBody()).contains(task.path("id").asText());
  }

  @Test
  void aCommentTooLongForItsColumnIsA400NamingItAndTheTaskStaysOpen() {
    long deal = deals.openDeal("Long Comment SARL", "1000");
    String id = task("sales", deal, "userTask_qualifyProspect").path("id").asText();
    var refused = complete("sales", id, Map.of("saleOutcome", "OPEN", "stageComment", "x".repeat(4001)));
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.json().path("message").asText()).contains("stageComment", "4000");
    assertThat(task("sales", deal, "userTask_qualifyProspect").path("id").asText()).isEqualTo(id);
    assertThat(complete("sales", id, Map.of("saleOutcome", "OPEN", "stageComment", "y".repeat(4000))).status())
        .isEqualTo(204);
  }

  @Test
  void eachStagesCommentIsKeptWithItsStageAndTheNextFormOpensEmpty() {
    long deal = deals.openDeal("Comments Kept SAS", "1000");
    String first = task("sales", deal, "userTask_qualifyProspect").path("id").asText();
    assertThat(complete("sales", first, Map.of("saleOutcome", "OPEN", "stageComment", "Budget confirmed by Mme Roy"))
        .status()).isEqualTo(204);

    String second = task("sales", deal, "userTask_prepareProposal").path("id").asText();
    var form = Api.as(rest, "sales").get("/engine-rest/task/" + second + "/form-variables");
    assertThat(form.json().has("stageComment")).as("the next form opens empty").isFalse();
    assertThat(complete("sales", second, Map.of("saleOutcome", "OPEN", "stageComment", "Proposal sent on paper"))
        .status()).isEqualTo(204);

    JsonNode comments = Api.as(rest, "sales").get("/api/opportunities/" + deal).json().path("comments");
    assertThat(comments).hasSize(2);
    assertThat(comments.get(0).path("stage").asText()).isEqualTo("SALE_1_PROSPECT");
    assertThat(comments.get(0).path("comment").asText()).isEqualTo("Budget confirmed by Mme Roy");
    assertThat(comments.get(0).path("by").asText()).isEqualTo("sales");
    assertThat(comments.get(1).path("stage").asText()).isEqualTo("SALE_2_QUALIFIED");

    long customer = Api.as(rest, "sales").get("/api/opportunities/" + deal).json().path("customerId").asLong();
    JsonNode timeline = Api.as(rest, "sales").get("/api/customers/" + customer + "/timeline").json().path("content");
    List<String> written = timeline.findValues("kind").stream().map(JsonNode::asText).toList();
    assertThat(written).contains("COMMENT");
    assertThat(timeline.findValuesAsText("title")).contains("Budget confirmed by Mme Roy", "Proposal sent on paper");
  }

  @Test
  void everyGroupsTaskSaysWhoseDealItIs() {
    long deal = deals.openDeal("Whose Deal GmbH", "2500");
    JsonNode task = task("sales", deal, "userTask_qualifyProspect");
    var local = Api.as(rest, "sales").get("/engine-rest/task/" + task.path("id").asText() + "/localVariables");
    assertThat(local.json().path("dealCard").path("value").asText())
        .isEqualTo("Whose Deal GmbH · Deal with Whose Deal GmbH · 2500.00 EUR");

    // what a Tasklist card asks for: the "My group" filter's list with its variables
    var cards = rest.exchange("/engine-rest/filter/" + filter("My group") + "/list?firstResult=0&maxResults=500",
        org.springframework.http.HttpMethod.POST, halRequest(), String.class);
    assertThat(cards.getStatusCode().value()).isEqualTo(200);
    assertThat(cards.getBody()).contains("Whose Deal GmbH");
  }

  /** A demo filter's id, as Tasklist finds it for the logged-in user. */
  private String filter(String name) {
    for (JsonNode filter : Api.as(rest, "sales").get("/engine-rest/filter").json()) {
      if (name.equals(filter.path("name").asText())) {
        return filter.path("id").asText();
      }
    }
    throw new AssertionError("no filter " + name + " for sales");
  }

  private org.springframework.http.HttpEntity<String> halRequest() {
    var headers = new org.springframework.http.HttpHeaders();
    headers.setBasicAuth("sales", "sales");
    headers.set("Accept", "application/hal+json");
    headers.setContentType(org.springframework.http.MediaType.APPLICATION_JSON);
    return new org.springframework.http.HttpEntity<>("{}", headers);
  }

  @Test
  void aWonDealNeedsItsTransportAndTheTemplateIsChosenFromAList() {
    long deal = deals.openDeal("Transport Please SA", "1000");
    deals.complete(deal, "userTask_qualifyProspect", Map.of("saleOutcome", "OPEN"));
    deals.complete(deal, "userTask_prepareProposal", Map.of("saleOutcome", "OPEN"));
    deals.complete(deal, "userTask_followUpProposal", Map.of("saleOutcome", "OPEN"));
    JsonNode negotiate = task("sales", deal, "userTask_negotiate");
    var choices = Api.as(rest, "sales").get("/engine-rest/task/" + negotiate.path("id").asText()
        + "/localVariables/afterSaleTemplateOptions?deserializeValue=false");
    assertThat(choices.json().path("valueInfo").path("serializationDataFormat").asText())
        .isEqualTo("application/json");
    assertThat(choices.json().path("value").asText()).contains("\"label\"", "\"value\"");

    var noTransport = complete("sales", negotiate.path("id").asText(), Map.of("saleOutcome", "WON"));
    assertThat(noTransport.status()).isEqualTo(400);
    assertThat(noTransport.json().path("message").asText()).contains("transport");
    assertThat(task("sales", deal, "userTask_negotiate").path("id").asText())
        .isEqualTo(negotiate.path("id").asText());
  }

  @Test
  void theDeliveryNoteOpensFromItsTaskInTheTasklistSession() throws Exception {
    long deal = deals.openDeal("Note From Task SARL", "1000");
    deals.complete(deal, "userTask_qualifyProspect", Map.of("saleOutcome", "OPEN"));
    deals.complete(deal, "userTask_prepareProposal", Map.of("saleOutcome", "OPEN"));
    deals.complete(deal, "userTask_followUpProposal", Map.of("saleOutcome", "OPEN"));
    deals.complete(deal, "userTask_negotiate", Map.of("saleOutcome", "WON", "transport", "EXTERNAL"));
    JsonNode send = task("sales", deal, "userTask_sendDeliveryNote");
    long document = Api.as(rest, "sales").get("/engine-rest/task/" + send.path("id").asText()
        + "/variables/deliveryNoteAttachmentId").json().path("value").asLong();

    String form = Api.as(rest, "sales").get("/engine-rest/task/" + send.path("id").asText() + "/deployed-form")
        .body();
    assertThat(form).contains("/api/documents/{{deliveryNoteAttachmentId}}/content");

    WebappSession tasklist = new WebappSession(port);
    tasklist.logIn("sales");
    var pdf = tasklist.send("GET", "/api/documents/" + document + "/content", null, null, null);
    assertThat(pdf.statusCode()).isEqualTo(200);
    assertThat(pdf.body()).startsWith("%PDF");
    // the read leaves the webapp's session as it was: a new session id here logged Tasklist and Cockpit out while
    // their own requests were in flight
    assertThat(pdf.headers().allValues("Set-Cookie")).noneMatch(cookie -> cookie.startsWith("JSESSIONID"));
    assertThat(tasklist.send("GET", "/camunda/api/admin/auth/user/default", null, null, null).statusCode())
        .isEqualTo(200);
    // a change through /api still needs credentials: the session only reads
    var write = tasklist.send("POST", "/api/customers", "application/json", "{\"name\": \"Ridden\"}",
        tasklist.token());
    assertThat(write.statusCode()).isEqualTo(401);
    assertThat(JSON.readTree(write.body()).path("status").asInt()).isEqualTo(401);
  }

  /**
   * What the "Customer" tab (tasklist/scripts/customer-tab.js) reads, in its order and with the Tasklist session: the
   * task's variables through Tasklist's own engine API, then the deal, its customer and the customer's last exchanges
   * through /api. The browser test opens the tab itself.
   */
  @Test
  void theCustomerTabReadsTheTasksDealCustomerAndExchangesWithTheTasklistSession() throws Exception {
    var config = rest.getForEntity("/camunda/app/tasklist/scripts/config.js", String.class);
    assertThat(config.getBody()).contains("scripts/customer-tab.js");
    var script = rest.getForEntity("/camunda/app/tasklist/scripts/customer-tab.js", String.class);
    assertThat(script.getStatusCode().value()).isEqualTo(200);
    assertThat(script.getBody()).contains("tasklist.task.detail", "/api/communications?customerId=");

    long deal = deals.openDeal("Customer Tab Reads SA", "1000");
    long customer = Api.as(rest, "sales").get("/api/opportunities/" + deal).json().path("customerId").asLong();
    var logged = Api.as(rest, "sales").post("/api/communications", Map.of("type", "CALL", "subject",
        "Called about the tab " + deal, "start", "2026-11-02T10:00:00Z", "customerId", customer, "status", "DONE"));
    assertThat(logged.status()).as(logged.body()).isEqualTo(201);
    String taskId = task("sales", deal, "userTask_qualifyProspect").path("id").asText();

    WebappSession tasklist = new WebappSession(port);
    tasklist.logIn("sales");
    var variables = tasklist.send("GET", "/camunda/api/engine/engine/default/task/" + taskId
        + "/variables?deserializeValues=false", null, null, tasklist.token());
    assertThat(variables.statusCode()).as(variables.body()).isEqualTo(200);
    assertThat(JSON.readTree(variables.body()).path("opportunityId").path("value").asLong()).isEqualTo(deal);
    var opportunity = tasklist.send("GET", "/api/opportunities/" + deal, null, null, null);
    assertThat(opportunity.statusCode()).as(opportunity.body()).isEqualTo(200);
    assertThat(JSON.readTree(opportunity.body()).path("customerId").asLong()).isEqualTo(customer);
    var found = tasklist.send("GET", "/api/customers/" + customer, null, null, null);
    assertThat(found.statusCode()).as(found.body()).isEqualTo(200);
    assertThat(JSON.readTree(found.body()).path("name").asText()).isEqualTo("Customer Tab Reads SA");
    var exchanges = tasklist.send("GET", "/api/communications?customerId=" + customer + "&size=5", null, null, null);
    assertThat(exchanges.statusCode()).as(exchanges.body()).isEqualTo(200);
    assertThat(JSON.readTree(exchanges.body()).path("content").findValuesAsText("subject"))
        .contains("Called about the tab " + deal);
  }

  /**
   * Every action Tasklist offers on the tasks of a deal (the same engine API calls): claim, unclaim, assign,
   * delegate, resolve, and the task's comments and attachments, which the engine looks up in the task's history.
   */
  @Test
  void claimUnclaimAssignDelegateCommentAndAttachWorkOnADealsTask() {
    long deal = deals.openDeal("Task Actions SA", "1000");
    String id = task("sales", deal, "userTask_qualifyProspect").path("id").asText();
    Api sales = Api.as(rest, "sales");
    assertThat(sales.post("/engine-rest/task/" + id + "/claim", Map.of("userId", "sales")).status()).isEqualTo(204);
    assertThat(sales.post("/engine-rest/task/" + id + "/unclaim", Map.of()).status()).isEqualTo(204);
    assertThat(sales.post("/engine-rest/task/" + id + "/assignee", Map.of("userId", "sales")).status())
        .isEqualTo(204);
    assertThat(sales.post("/engine-rest/task/" + id + "/delegate", Map.of("userId", "sales2")).status())
        .isEqualTo(204);
    assertThat(task("sales2", deal, "userTask_qualifyProspect").path("assignee").asText()).isEqualTo("sales2");
    assertThat(Api.as(rest, "sales2").post("/engine-rest/task/" + id + "/resolve", Map.of("variables", Map.of()))
        .status()).isEqualTo(204);
    assertThat(task("sales", deal, "userTask_qualifyProspect").path("assignee").asText()).isEqualTo("sales");

    var comment = sales.post("/engine-rest/task/" + id + "/comment/create", Map.of("message", "Called twice"));
    assertThat(comment.status()).as(comment.body()).isEqualTo(200);
    assertThat(sales.get("/engine-rest/task/" + id + "/comment").json().findValuesAsText("message"))
        .contains("Called twice");
    var headers = new org.springframework.http.HttpHeaders();
    headers.setBasicAuth("sales", "sales");
    headers.setContentType(org.springframework.http.MediaType.MULTIPART_FORM_DATA);
    var form = new org.springframework.util.LinkedMultiValueMap<String, Object>();
    form.add("attachment-name", "call-notes");
    form.add("attachment-description", "notes of the call");
    form.add("attachment-type", "link");
    form.add("url", "https://example.com/notes");
    var attached = rest.exchange("/engine-rest/task/" + id + "/attachment/create",
        org.springframework.http.HttpMethod.POST, new org.springframework.http.HttpEntity<>(form, headers),
        String.class);
    assertThat(attached.getStatusCode().value()).as(attached.getBody()).isEqualTo(200);
    assertThat(sales.get("/engine-rest/task/" + id + "/attachment").json().findValuesAsText("name"))
        .contains("call-notes");
    // another group's member still sees neither
    assertThat(Api.as(rest, "logistics").get("/engine-rest/task/" + id + "/comment").status()).isNotEqualTo(200);
  }
}
