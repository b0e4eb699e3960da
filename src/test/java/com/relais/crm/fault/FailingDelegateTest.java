package com.relais.crm.fault;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.relais.crm.Api;
import com.relais.crm.DealDriver;
import com.relais.crm.HttpTest;
import com.relais.crm.attachment.StorageProperties;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A service task whose real cause of failure is outside the code: the S3 bucket is gone while the delivery note is
 * generated. The job executor retries (R3/PT1M), then raises an incident that an admin reads through
 * /engine-rest; once the bucket is back, setting the job's retries lets the deal go on to its end.
 * Runs in the normal suite (same JVM); the bucket is always put back.
 */
@HttpTest
class FailingDelegateTest {
  @Autowired TestRestTemplate rest;
  @Autowired DealDriver deals;
  @Autowired StorageProperties storage;
  @Autowired JdbcTemplate jdbc;

  private Path bucket;
  private Path parked;

  @AfterEach
  void putTheBucketBackAndResetTheClock() throws Exception {
    if (parked != null && Files.exists(parked) && !Files.exists(bucket)) {
      Files.move(parked, bucket);
    }
    ClockUtil.reset();
  }

  @Test
  void aFailingDelegateRetriesThenRaisesAReadableIncidentAndARetryAfterTheFixCompletesTheDeal() throws Exception {
    Api admin = Api.as(rest, "admin");
    long id = deals.openDeal("Incident Imports", "4200");
    deals.complete(id, "userTask_qualifyProspect", Map.of("saleOutcome", "OPEN"));
    deals.complete(id, "userTask_prepareProposal", Map.of("saleOutcome", "OPEN"));
    deals.complete(id, "userTask_followUpProposal", Map.of("saleOutcome", "OPEN"));

    // the cause: the store's bucket disappears (the S3 endpoint answers NoSuchBucket over HTTP)
    bucket = Path.of(storage.embeddedDirectory(), storage.bucket()).toAbsolutePath();
    parked = bucket.resolveSibling(storage.bucket() + "-parked-" + id);
    Files.move(bucket, parked);

    deals.complete(id, "userTask_negotiate", Map.of("saleOutcome", "WON", "transport", "INTERNAL",
        "simplified", true));
    String saleId = deals.instance("sale", id).getId();
    JsonNode job = singleJob(admin, saleId);
    assertThat(job.path("retries").asInt()).as("first failure, retries left").isEqualTo(2);
    assertThat(job.path("exceptionMessage").asText()).contains("file store is unavailable");
    assertThat(incidents(admin, saleId)).isEmpty();

    deals.passTime(id, Duration.ofMinutes(1).plusSeconds(5));
    assertThat(singleJob(admin, saleId).path("retries").asInt()).isEqualTo(1);
    deals.passTime(id, Duration.ofMinutes(1).plusSeconds(5));
    job = singleJob(admin, saleId);
    assertThat(job.path("retries").asInt()).as("retries used up").isZero();

    JsonNode incidents = incidents(admin, saleId);
    assertThat(incidents).hasSize(1);
    JsonNode incident = incidents.get(0);
    assertThat(incident.path("incidentType").asText()).isEqualTo("failedJob");
    assertThat(incident.path("activityId").asText()).isEqualTo("serviceTask_generateDeliveryNote");
    assertThat(incident.path("configuration").asText()).isEqualTo(job.path("id").asText());
    assertThat(incident.path("incidentMessage").asText())
        .contains("file store is unavailable", "documents/" + id + "/delivery-note.pdf");
    // nothing half-written: no document row without its object
    assertThat(documentRows(id)).isZero();

    // fix the cause, then retry as an operator does in Cockpit
    Files.move(parked, bucket);
    var retry = admin.put("/engine-rest/job/" + job.path("id").asText() + "/retries", Map.of("retries", 1));
    assertThat(retry.status()).as(retry.body()).isEqualTo(204);
    // the job keeps the due date of its last retry interval
    deals.passTime(id, Duration.ofMinutes(1).plusSeconds(5));
    assertThat(incidents(admin, saleId)).isEmpty();
    assertThat(documentRows(id)).isEqualTo(1);

    deals.complete(id, "userTask_sendDeliveryNote", Map.of("deliveryNoteSent", true));
    assertThat(Api.signatureProvider(rest).post("/api/opportunities/" + id + "/delivery-note/signature",
        Map.of("signedBy", "Mme Incident")).status()).isEqualTo(200);
    deals.awaitJobs(id);
    deals.complete(id, "userTask_confirmDelivery", Map.of("confirmed", true));
    deals.complete(id, "userTask_payTransport", Map.of("paymentReference", "INC-1"));
    deals.complete(id, "userTask_recordReception", Map.of("receptionOutcome", "POSITIVE"));

    var delivery = Api.as(rest, "logistics").get("/api/opportunities/" + id + "/delivery").json();
    assertThat(delivery.path("stage").asText()).isEqualTo("DELIVERY_7_RECEIVED");
    assertThat(jdbc.queryForList("select to_stage from stage_change where opportunity_id = ? order by id",
        String.class, id)).containsExactly("SALE_1_PROSPECT", "SALE_2_QUALIFIED", "SALE_3_PROPOSAL",
        "SALE_4_NEGOTIATION", "SALE_5_SIGNATURE", "SALE_6_WON", "DELIVERY_1_NOTE_ISSUED", "DELIVERY_5_CONFIRMATION",
        "DELIVERY_6_PAYMENT", "DELIVERY_7_RECEIVED");
    var ended = admin.get("/engine-rest/history/process-instance?processInstanceBusinessKey=" + id
        + "&processDefinitionKey=delivery&finished=true").json();
    assertThat(ended).hasSize(1);
    assertThat(admin.get("/engine-rest/history/incident?processInstanceId=" + saleId).json().get(0)
        .path("resolved").asBoolean()).isTrue();
  }

  private static JsonNode singleJob(Api admin, String processInstanceId) {
    JsonNode jobs = admin.get("/engine-rest/job?processInstanceId=" + processInstanceId).json();
    assertThat(jobs).as("jobs of %s", processInstanceId).hasSize(1);
    return jobs.get(0);
  }

  private static JsonNode incidents(Api admin, String processInstanceId) {
    var answer = admin.get("/engine-rest/incident?processInstanceId=" + processInstanceId);
    assertThat(answer.status()).isEqualTo(200);
    return answer.json();
  }

  private int documentRows(long id) {
    return jdbc.queryForObject("select count(*) from generated_document where opportunity_id = ?", Integer.class, id);
  }
}
