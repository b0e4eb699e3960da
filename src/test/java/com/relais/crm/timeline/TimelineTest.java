package com.relais.crm.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.relais.crm.Api;
import com.relais.crm.HttpTest;
import com.relais.crm.attachment.Uploads;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

@HttpTest
class TimelineTest {
  @Autowired TestRestTemplate rest;

  private final String tag = UUID.randomUUID().toString().substring(0, 8);

  @Test
  void exchangesAttachmentsAndStageChangesNewestFirstInPagesWithPrivateItemsFiltered() throws Exception {
    Api sales = Api.as(rest, "sales");
    long customerId = sales.post("/api/customers", Api.customer("Timeline " + tag)).json().path("id").asLong();
    long dealId = sales.post("/api/opportunities", Map.of("customerId", customerId, "title", "Deal " + tag,
        "amount", 500, "currency", "EUR")).json().path("id").asLong();
    long call = sales.post("/api/communications", Map.of("type", "CALL", "subject", "Call " + tag,
        "start", "2030-01-01T10:00:00Z", "customerId", customerId, "opportunityIds", List.of(dealId)))
        .json().path("id").asLong();
    long secret = sales.post("/api/communications", Map.of("type", "NOTE", "subject", "Secret " + tag,
        "start", "2030-01-02T10:00:00Z", "customerId", customerId, "private", true)).json().path("id").asLong();
    var upload = Uploads.upload(rest, "sales", "communicationId=" + secret, "secret.pdf",
        Uploads.pdf("secret " + tag), "application/pdf");
    assertThat(upload.getStatusCode().value()).isEqualTo(201);
    var shared = Uploads.upload(rest, "sales", "customerId=" + customerId, "offer.pdf",
        Uploads.pdf("offer " + tag), "application/pdf");
    assertThat(shared.getStatusCode().value()).isEqualTo(201);

    JsonNode all = sales.get("/api/customers/" + customerId + "/timeline?size=50").json();
    List<String> kinds = all.path("content").findValuesAsText("kind");
    // exchanges dated 2030 come first, then today's uploads, then the deal's opening stage and first task
    assertThat(all.path("content").get(0).path("id").asLong()).isEqualTo(secret);
    assertThat(all.path("content").get(1).path("id").asLong()).isEqualTo(call);
    assertThat(kinds.subList(0, 4)).containsExactly("COMMUNICATION", "COMMUNICATION", "ATTACHMENT", "ATTACHMENT");
    assertThat(kinds.subList(4, kinds.size())).containsExactlyInAnyOrder("STAGE_CHANGE", "TASK");
    JsonNode stage = all.path("content").get(kinds.indexOf("STAGE_CHANGE"));
    assertThat(stage.path("title").asText()).isEqualTo("SALE_1_PROSPECT");
    assertThat(stage.path("opportunityId").asLong()).isEqualTo(dealId);
    JsonNode task = all.path("content").get(kinds.indexOf("TASK"));
    assertThat(task.path("taskId").asText()).isNotEmpty();
    assertThat(task.path("opportunityId").asLong()).isEqualTo(dealId);
    assertThat(java.time.Duration.between(java.time.Instant.parse(task.path("at").asText()),
        java.time.Instant.now()).abs()).as("engine local time read back as the right instant")
        .isLessThan(java.time.Duration.ofMinutes(5));

    JsonNode second = sales.get("/api/customers/" + customerId + "/timeline?size=2&page=1").json();
    assertThat(second.path("page").path("totalElements").asInt()).isEqualTo(6);
    assertThat(second.path("content").findValuesAsText("kind")).containsExactly("ATTACHMENT", "ATTACHMENT");

    JsonNode forSupport = Api.as(rest, "support").get("/api/customers/" + customerId + "/timeline").json();
    assertThat(forSupport.path("page").path("totalElements").asInt()).isEqualTo(4);
    assertThat(forSupport.path("content").findValuesAsText("title")).doesNotContain("Secret " + tag, "secret.pdf");

    assertThat(Api.as(rest, "sales").get("/api/customers/987654321/timeline").status()).isEqualTo(404);
  }
}
