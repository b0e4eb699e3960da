package com.relais.crm.privacy;

import static com.relais.crm.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.relais.crm.Api;
import com.relais.crm.DealDriver;
import com.relais.crm.HttpTest;
import com.relais.crm.attachment.AttachmentStore;
import com.relais.crm.attachment.Uploads;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A customer's personal data over HTTP, as an admin handles a person's request: everything in one ZIP (the uploaded
 * files byte for byte), then the erasure, refused while a deal runs and complete once it has ended — search,
 * timeline, engine history and file store no longer know the person, and the deal's amounts stay.
 */
@HttpTest
class PersonalDataOverHttpTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired TestRestTemplate rest;
  @Autowired DealDriver deals;
  @Autowired AttachmentStore store;
  @Autowired JdbcTemplate jdbc;
  @Autowired HistoryService history;

  @AfterEach
  void quietEngine() {
    deals.awaitQuietEngine();
  }

  private final String tag = letters(6);
  private final String name = "Ottilie Vandersteen " + Character.toUpperCase(tag.charAt(0)) + tag.substring(1);
  private final String email = "ottilie." + tag + "@example.com";
  private final String phone = "+33 6 " + digits(2) + " " + digits(2) + " " + digits(2) + " " + digits(2);

  @Test
  void anAdminExportsEverythingHeldOnACustomerAndErasesItOnceTheirDealsHaveEnded() throws Exception {
    Api sales = Api.as(rest, "sales");
    Api admin = Api.as(rest, "admin");
    long customer = sales.post("/api/customers", Map.of("name", name, "email", email, "phone", phone,
        "address", "12 rue des Lilas, Lyon", "category", "PROSPECT", "acquisitionSource", "COLD_CALL",
        "emailConsent", Map.of("granted", true, "source", "web form"),
        "smsConsent", Map.of("granted", true, "source", "phone call"))).json().path("id").asLong();
    var created = sales.post("/api/opportunities", Map.of("customerId", customer, "title", "Shelving for " + name,
        "amount", 12345.67, "currency", "EUR"));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    long deal = created.json().path("id").asLong();
    long call = exchange(sales, Map.of("type", "CALL", "subject", "Call with " + name,
        "details", "Spoke about the shelving; call back on " + phone, "start", Instant.now().toString(),
        "status", "DONE", "customerId", customer, "opportunityIds", List.of(deal)));
    long note = exchange(sales, Map.of("type", "NOTE", "subject", "Contact preference",
        "details", "Prefers e-mail: " + email, "start", Instant.now().toString(), "private", true,
        "customerId", customer));
    byte[] pdf = Uploads.pdf("Delivery directions for " + name);
    byte[] text = ("Call notes: " + name + " asked for a quote.\n").getBytes(StandardCharsets.UTF_8);
    long directions = upload("customerId=" + customer, "directions.pdf", pdf, "application/pdf");
    long notes = upload("communicationId=" + call, "call-notes.txt", text, "text/plain");
    for (long attachment : List.of(directions, notes)) {
      eventually(() -> admin.get("/api/attachments/" + attachment).json().path("textStatus").asText(),
          "DONE"::equals);
    }
    String directionsKey = objectKey(directions);
    String notesKey = objectKey(notes);
    assertThat(admin.get("/api/search?q=" + tag).json().path("attachments")).hasSize(2);

    // a running sale holds the erasure back, and nothing changes
    var running = admin.post("/api/customers/" + customer + "/erasure", null);
    assertThat(running.status()).as(running.body()).isEqualTo(409);
    assertThat(running.contentType()).startsWith("application/problem+json");
    assertThat(running.json().path("detail").asText()).contains("deal " + deal).contains("sale");
    assertThat(admin.get("/api/customers/" + customer).json().path("name").asText()).isEqualTo(name);
    assertThat(admin.get("/api/communications/" + call).json().path("subject").asText()).contains(name);
    assertThat(store.exists(directionsKey)).isTrue();
    assertThat(admin.get("/api/customers/" + customer + "/erasure").status()).isEqualTo(404);

    deals.complete(deal, "userTask_qualifyProspect", Map.of("saleOutcome", "LOST"));
    JsonNode dealBefore = admin.get("/api/opportunities/" + deal).json();
    assertThat(dealBefore.path("stage").asText()).isEqualTo("SALE_LOST");
    String report = "/api/reports/acquisition?from=" + LocalDate.now().minusDays(1) + "&to="
        + LocalDate.now().plusDays(1);
    // no other test acquires customers by cold call: this row is the customer's
    JsonNode reportBefore = coldCalls(admin.get(report).json());
    assertThat(reportBefore.path("customers").asLong()).isPositive();

    // the export: admins only, every kind of record, the files byte for byte
    assertThat(sales.get("/api/customers/" + customer + "/personal-data").status()).isEqualTo(403);
    Map<String, byte[]> zip = export(customer);
    assertThat(zip).containsKeys("customer.json", "exchanges.json", "deals.json", "support-cases.json",
        "notifications.json", "plan-items.json", "campaigns.json", "engine.json", "files/index.json");
    JsonNode person = json(zip, "customer.json");
    assertThat(person.path("customer").path("name").asText()).isEqualTo(name);
    assertThat(person.path("customer").path("email").asText()).isEqualTo(email);
    assertThat(person.path("customer").path("phone").asText()).isEqualTo(phone);
    assertThat(person.path("customer").path("emailConsent").path("granted").asBoolean()).isTrue();
    assertThat(person.path("customer").path("smsConsent").path("source").asText()).isEqualTo("phone call");
    assertThat(ids(json(zip, "exchanges.json"))).containsExactly(call, note);
    JsonNode exportedDeal = json(zip, "deals.json").get(0);
    assertThat(exportedDeal.path("id").asLong()).isEqualTo(deal);
    assertThat(exportedDeal.path("stageHistory").findValuesAsText("to")).contains("SALE_1_PROSPECT", "SALE_LOST");
    JsonNode sale = json(zip, "engine.json").get(0);
    assertThat(sale.path("process").asText()).isEqualTo("sale");
    assertThat(sale.path("businessKey").asText()).isEqualTo(Long.toString(deal));
    assertThat(variable(sale, "customerName")).isEqualTo(name);
    assertThat(sale.path("activities").findValuesAsText("activityId")).contains("userTask_qualifyProspect");
    JsonNode index = json(zip, "files/index.json");
    assertThat(index).hasSize(2);
    Map<Long, byte[]> uploaded = Map.of(directions, pdf, notes, text);
    for (JsonNode file : index) {
      byte[] bytes = uploaded.get(file.path("id").asLong());
      assertThat(file.path("sha256").asText()).isEqualTo(sha256(bytes));
      assertThat(file.path("size").asLong()).isEqualTo(bytes.length);
      assertThat(zip.get(file.path("path").asText())).isEqualTo(bytes);
    }

    // the erasure: admins only, then the person is gone everywhere
    assertThat(sales.post("/api/customers/" + customer + "/erasure", null).status()).isEqualTo(403);
    var erased = admin.post("/api/customers/" + customer + "/erasure", null);
    assertThat(erased.status()).as(erased.body()).isEqualTo(200);
    assertThat(erased.json().path("customerId").asLong()).isEqualTo(customer);
    assertThat(erased.json().path("erasedBy").asText()).isEqualTo("admin");
    assertThat(erased.json().path("exchanges").asInt()).isEqualTo(2);
    assertThat(erased.json().path("files").asInt()).isEqualTo(2);
    assertThat(erased.json().path("engineVariables").asInt()).isPositive();

    JsonNode anonymous = admin.get("/api/customers/" + customer).json();
    assertThat(anonymous.path("name").asText()).isEqualTo("Erased customer " + customer);
    assertThat(anonymous.path("email").isMissingNode() || anonymous.path("email").isNull()).isTrue();
    assertThat(anonymous.path("phone").isMissingNode() || anonymous.path("phone").isNull()).isTrue();
    assertThat(anonymous.path("emailConsent").path("granted").asBoolean()).isFalse();
    assertThat(anonymous.path("smsConsent").path("source").asText()).isEqualTo("erasure");
    for (String q : List.of(name, tag, email)) {
      JsonNode hits = admin.get("/api/search?q=" + q).json();
      for (String kind : List.of("customers", "communications", "attachments", "deals")) {
        assertThat(hits.path(kind)).as("%s found by %s", kind, q).isEmpty();
      }
    }
    String timeline = admin.get("/api/customers/" + customer + "/timeline?size=100").body();
    assertThat(timeline).doesNotContain(name).doesNotContain(email).doesNotContain("directions.pdf");
    assertThat(admin.get("/api/communications/" + call).json().path("subject").asText())
        .isEqualTo("Call with [erased]");
    assertThat(admin.get("/api/communications/" + note).json().path("details").asText()).doesNotContain(email);
    assertThat(store.exists(directionsKey)).isFalse();
    assertThat(store.exists(notesKey)).isFalse();
    assertThat(admin.get("/api/attachments/" + directions).status()).isEqualTo(404);
    assertEngineForgot(deal);

    JsonNode dealAfter = admin.get("/api/opportunities/" + deal).json();
    assertThat(dealAfter.path("title").asText()).isEqualTo("Shelving for [erased]");
    // the deal's audit trail keeps its amount and who did what, but its values no longer name the person (the
    // summary written when the deal was created held the title with the name)
    List<String> dealAudit = jdbc.queryForList("select coalesce(old_value, '') || ' | ' || coalesce(new_value, '')"
        + " from audit_change where entity = 'deal' and entity_id = ?", String.class, Long.toString(deal));
    assertThat(dealAudit).isNotEmpty().noneMatch(value -> value.contains(name));
    assertThat(String.join("\n", dealAudit)).contains("title: Shelving for [erased]").contains("amount: 12345.67");
    for (String kept : List.of("amount", "currency", "stage", "createdAt", "stageHistory")) {
      assertThat(dealAfter.path(kept)).as(kept).isEqualTo(dealBefore.path(kept));
    }
    assertThat(coldCalls(admin.get(report).json())).isEqualTo(reportBefore);

    JsonNode record = admin.get("/api/customers/" + customer + "/erasure").json();
    assertThat(record.path("erasedBy").asText()).isEqualTo("admin");
    assertThat(record.path("counts").path("files").asInt()).isEqualTo(2);
    assertThat(record.toString()).doesNotContain(name).doesNotContain(email);

    // what is still held on the customer names the person nowhere
    Map<String, byte[]> after = export(customer);
    assertThat(json(after, "files/index.json")).isEmpty();
    after.forEach((entry, bytes) -> assertThat(new String(bytes, StandardCharsets.UTF_8)).as(entry)
        .doesNotContain(name).doesNotContain(email).doesNotContain(phone));
  }

  /** The deal's variables, their earlier values and its task names no longer hold the person. */
  private void assertEngineForgot(long deal) {
    List<String> instances = history.createHistoricProcessInstanceQuery()
        .processInstanceBusinessKey(Long.toString(deal)).list().stream().map(HistoricProcessInstance::getId).toList();
    assertThat(instances).isNotEmpty();
    List<String> texts = new ArrayList<>();
    String customerName = null;
    for (HistoricVariableInstance variable : history.createHistoricVariableInstanceQuery()
        .processInstanceIdIn(instances.toArray(String[]::new)).disableCustomObjectDeserialization().list()) {
      if ("string".equals(variable.getTypeName()) && variable.getValue() != null) {
        texts.add(variable.getName() + "=" + variable.getValue());
        if ("customerName".equals(variable.getName())) {
          customerName = (String) variable.getValue();
        }
      }
    }
    for (String instance : instances) {
      for (HistoricDetail detail : history.createHistoricDetailQuery().processInstanceId(instance).variableUpdates()
          .disableCustomObjectDeserialization().list()) {
        if (detail instanceof HistoricVariableUpdate update && "string".equals(update.getTypeName())
            && update.getValue() != null) {
          texts.add(update.getVariableName() + "=" + update.getValue());
        }
      }
    }
    history.createHistoricTaskInstanceQuery().processInstanceBusinessKey(Long.toString(deal)).list()
        .forEach(task -> texts.add("task=" + task.getName()));
    assertThat(customerName).isEqualTo("[erased]");
    assertThat(texts).isNotEmpty().noneMatch(t -> t.contains(name) || t.contains(email) || t.contains(phone));
  }

  private long exchange(Api api, Map<String, Object> body) {
    var answer = api.post("/api/communications", body);
    assertThat(answer.status()).as(answer.body()).isEqualTo(201);
    return answer.json().path("id").asLong();
  }

  private long upload(String owner, String fileName, byte[] bytes, String type) throws IOException {
    ResponseEntity<String> answer = Uploads.upload(rest, "sales", owner, fileName, bytes, type);
    assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(201);
    return JSON.readTree(answer.getBody()).path("id").asLong();
  }

  private String objectKey(long attachment) {
    return jdbc.queryForObject("select object_key from attachment where id = ?", String.class, attachment);
  }

  private Map<String, byte[]> export(long customer) throws IOException {
    HttpHeaders headers = new HttpHeaders();
    headers.setAccept(List.of(MediaType.ALL));
    ResponseEntity<byte[]> answer = rest.withBasicAuth("admin", "admin").exchange(
        "/api/customers/" + customer + "/personal-data", HttpMethod.GET, new HttpEntity<>(headers), byte[].class);
    assertThat(answer.getStatusCode().value()).isEqualTo(200);
    assertThat(answer.getHeaders().getContentType().toString()).isEqualTo("application/zip");
    assertThat(answer.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION))
        .isEqualTo("attachment; filename=\"customer-" + customer + "-personal-data.zip\"");
    Map<String, byte[]> entries = new LinkedHashMap<>();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(answer.getBody()))) {
      for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
        entries.put(entry.getName(), in.readAllBytes());
      }
    }
    return entries;
  }

  private static JsonNode json(Map<String, byte[]> zip, String entry) throws IOException {
    return JSON.readTree(zip.get(entry));
  }

  private static JsonNode coldCalls(JsonNode report) {
    for (JsonNode row : report.path("bySource")) {
      if ("COLD_CALL".equals(row.path("source").asText())) {
        return row;
      }
    }
    throw new AssertionError("No COLD_CALL row in " + report);
  }

  private static List<Long> ids(JsonNode array) {
    List<Long> ids = new ArrayList<>();
    array.forEach(element -> ids.add(element.path("id").asLong()));
    return ids;
  }

  private static String variable(JsonNode instance, String name) {
    for (JsonNode variable : instance.path("variables")) {
      if (name.equals(variable.path("name").asText())) {
        return variable.path("value").asText();
      }
    }
    return null;
  }

  private static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }

  private static String letters(int count) {
    Random random = new Random();
    StringBuilder letters = new StringBuilder();
    for (int i = 0; i < count; i++) {
      letters.append((char) ('a' + random.nextInt(26)));
    }
    return letters.toString();
  }

  private static String digits(int count) {
    Random random = new Random();
    StringBuilder digits = new StringBuilder();
    for (int i = 0; i < count; i++) {
      digits.append(random.nextInt(10));
    }
    return digits.toString();
  }
}
