package com.relais.crm.attachment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.relais.crm.Api;
import com.relais.crm.HttpTest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

@HttpTest
class AttachmentApiTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired TestRestTemplate rest;
  @Autowired JdbcTemplate jdbc;
  @Autowired AttachmentStore store;

  private final String tag = UUID.randomUUID().toString().substring(0, 8);

  private long customer() {
    return Api.as(rest, "sales").post("/api/customers", Api.customer("Files " + tag)).json().path("id").asLong();
  }

  private static JsonNode json(ResponseEntity<String> answer) throws Exception {
    return JSON.readTree(answer.getBody());
  }

  @Test
  void aPdfIsStoredStreamedBackUnchangedAndItsTextExtracted() throws Exception {
    long customerId = customer();
    byte[] pdf = Uploads.pdf("Quarterly pallet contract " + tag);
    // the client claims octet-stream: the stored type comes from the bytes
    var answer = Uploads.upload(rest, "sales", "customerId=" + customerId, "contract.pdf", pdf,
        "application/octet-stream");
    assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(201);
    JsonNode created = json(answer);
    long id = created.path("id").asLong();
    assertThat(created.path("contentType").asText()).isEqualTo("application/pdf");
    assertThat(created.path("size").asLong()).isEqualTo(pdf.length);
    assertThat(created.path("sha256").asText()).isEqualTo(sha256(pdf));
    assertThat(created.path("fileName").asText()).isEqualTo("contract.pdf");
    assertThat(created.path("ownerType").asText()).isEqualTo("CUSTOMER");

    var content = rest.withBasicAuth("support", "support").getForEntity("/api/attachments/" + id + "/content",
        byte[].class);
    assertThat(content.getStatusCode().value()).isEqualTo(200);
    assertThat(sha256(content.getBody())).isEqualTo(sha256(pdf));
    assertThat(content.getHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(content.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION))
        .startsWith("attachment").contains("contract.pdf");
    assertThat(content.getHeaders().getContentType().toString()).isEqualTo("application/pdf");

    var list = Api.as(rest, "sales").get("/api/attachments?customerId=" + customerId);
    assertThat(list.json().findValues("id").stream().map(JsonNode::asLong).toList()).containsExactly(id);

    JsonNode extracted = awaitText(id);
    assertThat(extracted.path("textStatus").asText()).isEqualTo("DONE");
    assertThat(jdbc.queryForObject("select extracted_text from attachment where id = ?", String.class, id))
        .contains("Quarterly pallet contract " + tag);
  }

  @Test
  void spoofedEmptyAndOversizedFilesAreRefusedAndNothingIsStored() throws Exception {
    long customerId = customer();
    String owner = "customerId=" + customerId;
    int rows = rows();
    List<String> keys = store.keys(AttachmentService.KEY_PREFIX);

    assertRefused(Uploads.upload(rest, "sales", owner, "invoice.pdf", Uploads.elf(), "application/pdf"), 415);
    assertRefused(Uploads.upload(rest, "sales", owner, "invoice.pdf", Uploads.mz(), "application/pdf"), 415);
    assertRefused(Uploads.upload(rest, "sales", owner, "photo.png",
        "<!DOCTYPE html><html><body><script>alert(1)</script></body></html>".getBytes(StandardCharsets.UTF_8),
        "image/png"), 415);
    // an allowed type under another type's name
    assertRefused(Uploads.upload(rest, "sales", owner, "scan.pdf", Uploads.png(), "application/pdf"), 415);
    assertRefused(Uploads.upload(rest, "sales", owner, "bomb.zip", Uploads.zipBomb(), "application/zip"), 415);
    assertRefused(Uploads.upload(rest, "sales", owner, "empty.pdf", new byte[0], "application/pdf"), 400);

    byte[] big = new byte[21 * 1024 * 1024];
    Arrays.fill(big, (byte) 'a');
    assertRefused(Uploads.upload(rest, "sales", owner, "big.txt", big, "text/plain"), 413);

    assertRefused(Uploads.upload(rest, "sales", "customerId=987654321", "ok.pdf", Uploads.pdf("x"),
        "application/pdf"), 400);
    assertRefused(Uploads.upload(rest, "sales", owner + "&opportunityId=1", "ok.pdf", Uploads.pdf("x"),
        "application/pdf"), 400);

    assertThat(rows()).isEqualTo(rows);
    assertThat(store.keys(AttachmentService.KEY_PREFIX)).containsExactlyInAnyOrderElementsOf(keys);
    assertThat(Api.as(rest, "sales").get("/api/customers/" + customerId).status()).isEqualTo(200);
  }

  @Test
  void aHostileFileNameIsNeutralised() throws Exception {
    long customerId = customer();
    var answer = Uploads.upload(rest, "sales", "customerId=" + customerId, "../../etc/passwd\u0007.pdf",
        Uploads.pdf("name test"), "application/pdf");
    assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(201);
    JsonNode created = json(answer);
    assertThat(created.path("fileName").asText()).isEqualTo("passwd.pdf");
    String key = jdbc.queryForObject("select object_key from attachment where id = ?", String.class,
        created.path("id").asLong());
    assertThat(key).startsWith("attachments/").doesNotContain("passwd");
    var content = rest.withBasicAuth("sales", "sales").getForEntity(
        "/api/attachments/" + created.path("id").asLong() + "/content", byte[].class);
    assertThat(content.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION))
        .doesNotContain("..").doesNotContain("/").doesNotContain("\u0007");
  }

  @Test
  void theExtractionOfADecompressionBombIsBoundedAndTheServiceKeepsAnswering() throws Exception {
    long customerId = customer();
    byte[] bomb = Uploads.docxBomb();
    assertThat(bomb.length).isLessThan(2 * 1024 * 1024);
    var answer = Uploads.upload(rest, "sales", "customerId=" + customerId, "report.docx", bomb,
        "application/octet-stream");
    assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(201);
    long id = json(answer).path("id").asLong();
    assertThat(Api.as(rest, "sales").get("/api/customers/" + customerId).status()).isEqualTo(200);

    JsonNode done = awaitText(id);
    assertThat(done.path("textStatus").asText()).isIn("TRUNCATED", "FAILED");
    Integer length = jdbc.queryForObject("select length(extracted_text) from attachment where id = ?",
        Integer.class, id);
    assertThat(length == null ? 0 : length).isLessThanOrEqualTo(1_000_000);
  }

  @Test
  void unknownAttachmentsAre404() {
    assertThat(Api.as(rest, "sales").get("/api/attachments/987654321").status()).isEqualTo(404);
    assertThat(Api.as(rest, "sales").get("/api/attachments/987654321/content").status()).isEqualTo(404);
  }

  private int rows() {
    return jdbc.queryForObject("select count(*) from attachment", Integer.class);
  }

  private static void assertRefused(ResponseEntity<String> answer, int status) {
    assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(status);
    assertThat(String.valueOf(answer.getHeaders().getContentType())).startsWith("application/problem+json");
  }

  /** Extraction runs after commit on its own threads: wait for it, but not for ever. */
  JsonNode awaitText(long id) throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
    while (true) {
      JsonNode attachment = Api.as(rest, "sales").get("/api/attachments/" + id).json();
      if (!"PENDING".equals(attachment.path("textStatus").asText()) || Instant.now().isAfter(deadline)) {
        return attachment;
      }
      Thread.sleep(100);
    }
  }

  static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }

}
