package com.relais.crm.fault;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Works deals on a service node over HTTP only, as people and integrations do: /api for the CRM, /engine-rest for
 * tasks (each completed by a user of the task's group). Asynchronous steps run on whichever node's job executor
 * takes them, so every step waits for its task or its stage instead of assuming it is there.
 */
final class HttpDeals {
  /** Long enough for a job locked by a killed node (15 s lock) to be taken again and run. */
  static final Duration WAIT = Duration.ofSeconds(120);

  /** The stage history of an external delivery, each stage once. */
  static final List<String> EXTERNAL_DEAL = List.of("SALE_1_PROSPECT", "SALE_2_QUALIFIED", "SALE_3_PROPOSAL",
      "SALE_4_NEGOTIATION", "SALE_5_SIGNATURE", "SALE_6_WON", "DELIVERY_1_NOTE_ISSUED",
      "DELIVERY_2_CARRIER_TRANSFER", "DELIVERY_3_COST_EVALUATION", "DELIVERY_4_FINANCIAL_APPROVAL",
      "DELIVERY_5_CONFIRMATION", "DELIVERY_6_PAYMENT", "DELIVERY_7_RECEIVED");

  private HttpDeals() {}

  static long open(ChildNode node, String customer, int amount) {
    Rest sales = Rest.as(node, "sales");
    Rest.Reply created = sales.post("/api/customers", Map.of("name", customer, "category", "PROSPECT",
        "acquisitionSource", "WEBSITE"));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    Rest.Reply deal = sales.post("/api/opportunities", Map.of("customerId", created.json().path("id").asLong(),
        "title", "Deal with " + customer, "amount", amount, "currency", "EUR"));
    assertThat(deal.status()).as(deal.toString()).isEqualTo(201);
    return deal.json().path("id").asLong();
  }

  /** Waits until the deal's task is open for {@code user}, then completes it with {@code variables}. */
  static void complete(ChildNode node, String user, long id, String taskKey, Map<String, Object> variables) {
    Rest rest = Rest.as(node, user);
    JsonNode task = await("task " + taskKey + " of deal " + id, () -> {
      JsonNode tasks = rest.get("/engine-rest/task?processInstanceBusinessKey=" + id + "&taskDefinitionKey="
          + taskKey).json();
      return tasks.size() == 1 ? tasks.get(0) : null;
    });
    Map<String, Object> typed = new LinkedHashMap<>();
    variables.forEach((name, value) -> typed.put(name, Map.of("value", value)));
    Rest.Reply done = rest.post("/engine-rest/task/" + task.path("id").asText() + "/complete",
        Map.of("variables", typed));
    assertThat(done.status()).as("complete %s of deal %d: %s", taskKey, id, done).isEqualTo(204);
  }

  /** Stages 1 to 4 and the win: the delivery note job is due when this returns. */
  static void negotiate(ChildNode node, long id) {
    complete(node, "sales", id, "userTask_qualifyProspect", Map.of("saleOutcome", "OPEN"));
    complete(node, "sales", id, "userTask_prepareProposal", Map.of("saleOutcome", "OPEN"));
    complete(node, "sales", id, "userTask_followUpProposal", Map.of("saleOutcome", "OPEN"));
    complete(node, "sales", id, "userTask_negotiate", Map.of("saleOutcome", "WON", "transport", "EXTERNAL",
        "simplified", false));
  }

  /** The note is sent and signed: the hand-over to delivery is due when this returns. */
  static void sign(ChildNode node, long id) {
    sendNote(node, id);
    signature(node, id);
  }

  static void sendNote(ChildNode node, long id) {
    complete(node, "sales", id, "userTask_sendDeliveryNote", Map.of("deliveryNoteSent", true));
  }

  /** The customer's e-signature arrives: three asynchronous steps (hand-over, note issued, carrier request) follow. */
  static void signature(ChildNode node, long id) {
    Rest.Reply signed = Rest.signatureProvider(node).post("/api/opportunities/" + id + "/delivery-note/signature",
        Map.of("signedBy", "Customer " + id));
    assertThat(signed.status()).as(signed.toString()).isEqualTo(200);
  }

  /** Waits until the delivery waits for a quote, then sends it as the carrier integration does. */
  static void quote(ChildNode node, long id, int amount) {
    awaitDeliveryStage(node, id, "DELIVERY_2_CARRIER_TRANSFER");
    await("carrier-quote waiting for deal " + id, () -> {
      Rest.Reply reply = Rest.as(node, "logistics").post("/api/opportunities/" + id + "/delivery/carrier-quote",
          Map.of("amount", amount));
      // the stage is written when the receive task is entered, in the job that also creates the subscription
      return reply.status() == 200 ? reply : null;
    });
  }

  static void evaluate(ChildNode node, long id, int cost) {
    complete(node, "logistics", id, "userTask_evaluateTransportCost", Map.of("transport", "EXTERNAL",
        "transportCost", cost));
  }

  static void approve(ChildNode node, long id) {
    complete(node, "finance", id, "userTask_approveTransport", Map.of("transportApproved", true));
  }

  static void confirm(ChildNode node, long id) {
    complete(node, "logistics", id, "userTask_confirmDelivery", Map.of("confirmed", true));
  }

  static void pay(ChildNode node, long id) {
    complete(node, "finance", id, "userTask_payTransport", Map.of("paymentReference", "PAY-" + id));
  }

  static void receive(ChildNode node, long id) {
    complete(node, "logistics", id, "userTask_recordReception", Map.of("receptionOutcome", "POSITIVE"));
  }

  static void awaitDeliveryStage(ChildNode node, long id, String stage) {
    await("deal " + id + " at " + stage, () -> {
      Rest.Reply reply = Rest.as(node, "admin").get("/api/opportunities/" + id + "/delivery");
      return reply.status() == 200 && stage.equals(reply.json().path("stage").asText()) ? reply : null;
    });
  }

  /** Makes a timer of the deal's delivery due now; the job executor of some node fires it. */
  static void fireTimer(ChildNode node, long id, String timerId) {
    Rest admin = Rest.as(node, "admin");
    JsonNode job = await("timer " + timerId + " of deal " + id, () -> {
      JsonNode delivery = admin.get("/engine-rest/process-instance?processDefinitionKey=delivery&businessKey=" + id)
          .json();
      if (delivery.size() != 1) {
        return null;
      }
      JsonNode jobs = admin.get("/engine-rest/job?timers=true&activityId=" + timerId + "&processInstanceId="
          + delivery.get(0).path("id").asText()).json();
      return jobs.size() == 1 ? jobs.get(0) : null;
    });
    Rest.Reply due = admin.put("/engine-rest/job/" + job.path("id").asText() + "/duedate",
        Map.of("duedate", "2020-01-01T00:00:00.000+0000"));
    assertThat(due.status()).as(due.toString()).isEqualTo(204);
  }

  /** Every deal's delivery ended once, on its happy end event, with each stage recorded once and both notes once. */
  static void assertDeliveredExactlyOnce(FaultDatabase db, StandaloneS3 s3, long id) throws Exception {
    String key = Long.toString(id);
    assertThat(db.strings("select to_stage from stage_change where opportunity_id = ? order by id", id))
        .as("stage history of deal %d", id).containsExactlyElementsOf(EXTERNAL_DEAL);
    assertThat(db.strings("select state_ from act_hi_procinst where business_key_ = ? and proc_def_key_ = ?",
        key, "delivery")).as("delivery instances of deal %d", id).containsExactly("COMPLETED");
    assertThat(db.strings("select state_ from act_hi_procinst where business_key_ = ? and proc_def_key_ = ?",
        key, "sale")).as("sale instances of deal %d", id).containsExactly("COMPLETED");
    assertThat(db.count("select count(*) from act_hi_actinst a join act_hi_procinst p on a.proc_inst_id_ = p.id_ "
        + "where p.business_key_ = ? and a.act_id_ = 'endEvent_delivered'", key)).isEqualTo(1);
    for (String kind : List.of("DELIVERY_NOTE", "RECEPTION_NOTE")) {
      List<String> keys = db.strings("select object_key from generated_document where opportunity_id = ? and kind = ?",
          id, kind);
      assertThat(keys).as("%s rows of deal %d", kind, id).hasSize(1);
      assertThat(s3.exists(keys.get(0))).as("object %s", keys.get(0)).isTrue();
    }
    assertThat(s3.keys("documents/" + id + "/")).as("objects of deal %d", id).hasSize(2);
  }

  /** No job has used up its retries, none is left behind by a dead node, no incident is open. */
  static void assertNoStuckJobs(FaultDatabase db) throws SQLException {
    assertThat(db.strings("select handler_type_ || ': ' || coalesce(exception_msg_, '') from act_ru_job where retries_ = 0"))
        .as("jobs without retries").isEmpty();
    assertThat(db.strings("select incident_msg_ from act_ru_incident")).as("incidents").isEmpty();
    assertThat(db.strings("select j.handler_type_ || ' ' || coalesce(j.handler_cfg_, '') from act_ru_job j join act_ru_execution e on j.process_instance_id_ = e.id_ "
        + "join act_re_procdef d on e.proc_def_id_ = d.id_ where d.key_ in ('sale', 'delivery') and j.type_ <> 'timer'"))
        .as("asynchronous steps not run").isEmpty();
  }

  static <T> T await(String what, Supplier<T> probe) {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (true) {
      T value = probe.get();
      if (value != null) {
        return value;
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("Gave up waiting for " + what + " after " + WAIT);
      }
      ChildNode.pause(Duration.ofMillis(250));
    }
  }
}
