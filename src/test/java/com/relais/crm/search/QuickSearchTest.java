package com.relais.crm.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.relais.crm.Api;
import com.relais.crm.HttpTest;
import com.relais.crm.attachment.Uploads;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

@HttpTest
class QuickSearchTest {
  @Autowired TestRestTemplate rest;

  private final String tag = UUID.randomUUID().toString().substring(0, 8);

  /** The "done when": a call with a PDF, found again from a word inside the PDF; private notes stay private. */
  @Test
  void salesFindsACallsPdfByAWordInsideItAndSupportDoesNotSeePrivateNotes() throws Exception {
    Api sales = Api.as(rest, "sales");
    long customerId = sales.post("/api/customers", Api.customer("Quick " + tag)).json().path("id").asLong();
    long call = sales.post("/api/communications", Map.of("type", "CALL", "subject", "Call about pallets " + tag,
        "start", "2026-06-01T10:00:00Z", "customerId", customerId)).json().path("id").asLong();
    String word = "zephyr" + tag;
    var upload = Uploads.upload(rest, "sales", "communicationId=" + call, "minutes.pdf",
        Uploads.pdf("Minutes of the call: " + word + " delivery window agreed"), "application/pdf");
    assertThat(upload.getStatusCode().value()).isEqualTo(201);
    long privateNote = sales.post("/api/communications", Map.of("type", "NOTE", "subject", "Margin " + tag,
        "details", "private thoughts", "start", "2026-06-02T10:00:00Z", "customerId", customerId, "private", true))
        .json().path("id").asLong();

    JsonNode hits = await(sales, word);
    assertThat(hits.path("attachments").get(0).path("ownerType").asText()).isEqualTo("COMMUNICATION");
    assertThat(hits.path("attachments").get(0).path("ownerId").asLong()).isEqualTo(call);

    JsonNode byTag = sales.get("/api/search?q=" + tag).json();
    assertThat(byTag.path("customers").findValuesAsText("name")).containsExactly("Quick " + tag);
    assertThat(byTag.path("communications").findValues("id").stream().map(JsonNode::asLong))
        .containsExactlyInAnyOrder(call, privateNote);

    JsonNode forSupport = Api.as(rest, "support").get("/api/search?q=" + tag).json();
    assertThat(forSupport.path("communications").findValues("id").stream().map(JsonNode::asLong))
        .containsExactly(call);

    assertThat(sales.get("/api/search?q=").status()).isEqualTo(400);
  }

  @Test
  void theTextOfAnAttachmentOfAPrivateNoteIsNotFoundByOthers() throws Exception {
    Api sales = Api.as(rest, "sales");
    long note = sales.post("/api/communications", Map.of("type", "NOTE", "subject", "Private " + tag,
        "start", "2026-06-02T10:00:00Z", "private", true)).json().path("id").asLong();
    String word = "quasar" + tag;
    Uploads.upload(rest, "sales", "communicationId=" + note, "n.pdf", Uploads.pdf("note " + word), "application/pdf");
    assertThat(await(sales, word).path("attachments")).hasSize(1);
    assertThat(Api.as(rest, "support").get("/api/search?q=" + word).json().path("attachments")).isEmpty();
    assertThat(Uploads.upload(rest, "support", "communicationId=" + note, "n.pdf", Uploads.pdf("x"),
        "application/pdf").getStatusCode().value()).isEqualTo(400);
  }

  /** Exchanges are found by the beginnings of their words, every word typed must match, on H2 and PostgreSQL alike. */
  @Test
  void exchangesAreFoundByTheBeginningsOfTheirWords() {
    Api sales = Api.as(rest, "sales");
    long invoice = sales.post("/api/communications", Map.of("type", "LETTER", "subject", "Invoice 4471 for pallets " + tag,
        "details", "Crates delivered to Lyon-Part-Dieu", "start", "2026-06-03T10:00:00Z")).json().path("id").asLong();
    long older = sales.post("/api/communications", Map.of("type", "CALL", "subject", "Pallets again " + tag,
        "start", "2026-05-03T10:00:00Z")).json().path("id").asLong();

    assertThat(exchangeIds(sales, "inv " + tag)).containsExactly(invoice);
    assertThat(exchangeIds(sales, "PALLET " + tag)).as("newest first").containsExactly(invoice, older);
    assertThat(exchangeIds(sales, tag + " lyon")).as("a word of the details").containsExactly(invoice);
    assertThat(exchangeIds(sales, tag + " dieu")).as("a part of a hyphenated word").containsExactly(invoice);
    assertThat(exchangeIds(sales, "voice " + tag)).as("not the middle of a word").isEmpty();
    assertThat(exchangeIds(sales, tag + " paris")).as("every word must match").isEmpty();
    assertThat(sales.get("/api/search?q=" + "--").json().path("communications")).isEmpty();
  }

  private static List<Long> exchangeIds(Api api, String q) {
    JsonNode hits = api.get("/api/search?q=" + q).json();
    return hits.path("communications").findValues("id").stream().map(JsonNode::asLong).toList();
  }

  /** Text extraction runs after the upload commits; poll with a bounded wait. */
  private static JsonNode await(Api api, String q) throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
    while (true) {
      JsonNode hits = api.get("/api/search?q=" + q).json();
      if (!hits.path("attachments").isEmpty() || Instant.now().isAfter(deadline)) {
        assertThat(hits.path("attachments")).as("attachments found by " + q).isNotEmpty();
        return hits;
      }
      Thread.sleep(100);
    }
  }
}
