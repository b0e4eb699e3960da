package com.relais.crm.dataexchange;

import static com.relais.crm.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.relais.crm.Api;
import com.relais.crm.HttpTest;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;

/** An admin imports a customer list from CSV or Excel, reads the rejected rows, and can take an import back. */
@HttpTest
class ImportOverHttpTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int PHONES = ThreadLocalRandom.current().nextInt(0, 900);

  @Autowired TestRestTemplate rest;
  @Autowired JdbcTemplate jdbc;

  private final String run = UUID.randomUUID().toString().substring(0, 8);

  private ResponseEntity<String> upload(String user, String query, String fileName, byte[] bytes,
      Map<String, String> fields) {
    LinkedMultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
    fields.forEach(form::add);
    HttpHeaders fileHeaders = new HttpHeaders();
    fileHeaders.setContentDispositionFormData("file", fileName);
    form.add("file", new HttpEntity<>(new ByteArrayResource(bytes) {
      @Override
      public String getFilename() {
        return fileName;
      }
    }, fileHeaders));
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    return rest.withBasicAuth(user, user).exchange("/api/imports" + query, HttpMethod.POST,
        new HttpEntity<>(form, headers), String.class);
  }

  private JsonNode accepted(ResponseEntity<String> answer) throws Exception {
    assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(202);
    return JSON.readTree(answer.getBody());
  }

  private JsonNode finished(long id) {
    return eventually(() -> Api.as(rest, "admin").get("/api/imports/" + id).json(),
        status -> !"RUNNING".equals(status.path("status").asText()));
  }

  private Map<Integer, String> rejectedRows(long id) throws Exception {
    var answer = rest.withBasicAuth("admin", "admin").getForEntity("/api/imports/" + id + "/rejected", byte[].class);
    assertThat(answer.getStatusCode().value()).isEqualTo(200);
    assertThat(answer.getHeaders().getContentType().toString()).startsWith("text/csv");
    String text = new String(answer.getBody(), StandardCharsets.UTF_8).replace("\uFEFF", "");
    Map<Integer, String> rows = new LinkedHashMap<>();
    List<CSVRecord> records = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
        .parse(new StringReader(text)).getRecords();
    for (CSVRecord record : records) {
      rows.put(Integer.valueOf(record.get("row")), record.get("reason"));
      // the original columns come back as they were in the file, so the row can be fixed and sent again
      assertThat(record.size()).isGreaterThan(2);
    }
    return rows;
  }

  private int customersNamedLike(String part) {
    return jdbc.queryForObject("select count(*) from customer where name like ?", Integer.class, "%" + part + "%");
  }

  private static void sameRejections(Map<Integer, String> actual, Map<Integer, String> expected) {
    assertThat(actual.keySet()).containsExactlyElementsOf(expected.keySet());
    expected.forEach((row, reason) -> assertThat(actual.get(row)).as("row %d", row).contains(reason));
  }

  @Test
  void aThousandRowCsvWithThirtyBadRowsCreatesTheOthersAndListsTheBadOnesWithTheirReasons() throws Exception {
    ImportFiles.Sheet sheet = ImportFiles.customers(run, 1000, PHONES);
    byte[] csv = ImportFiles.csv(sheet.rows(), ';');

    // a dry run says what would happen and writes nothing
    long dry = accepted(upload("admin", "?mode=DRY_RUN", "clients.csv", csv, Map.of())).path("id").asLong();
    JsonNode dryRun = finished(dry);
    assertThat(dryRun.path("status").asText()).isEqualTo("DONE");
    assertThat(dryRun.path("created").asInt()).isEqualTo(970);
    assertThat(dryRun.path("rejected").asInt()).isEqualTo(30);
    assertThat(customersNamedLike(run)).isZero();
    sameRejections(rejectedRows(dry), sheet.rejected());
    String rejectedCsv = rest.withBasicAuth("admin", "admin").getForObject("/api/imports/" + dry + "/rejected",
        String.class);
    assertThat(rejectedCsv).contains("row,reason,Nom,E-mail,Téléphone,Catégorie,Source,Adresse", "Martian");

    long id = accepted(upload("admin", "?mode=APPLY", "clients.csv", csv, Map.of())).path("id").asLong();
    JsonNode done = finished(id);
    assertThat(done.path("status").asText()).isEqualTo("DONE");
    assertThat(done.path("rows").asInt()).isEqualTo(1000);
    assertThat(done.path("processed").asInt()).isEqualTo(1000);
    assertThat(done.path("created").asInt()).isEqualTo(970);
    assertThat(done.path("rejected").asInt()).isEqualTo(30);
    assertThat(customersNamedLike(run)).isEqualTo(970);
    sameRejections(rejectedRows(id), sheet.rejected());

    // imported customers come from IMPORT unless the file says otherwise (this one says TRADE_SHOW), no consent
    JsonNode found = Api.as(rest, "sales").get("/api/customers?q=client1-" + run).json().path("content").get(0);
    assertThat(found.path("acquisitionSource").asText()).isEqualTo("TRADE_SHOW");
    assertThat(found.path("emailConsent").path("granted").asBoolean()).isFalse();
    assertThat(found.path("createdBy").asText("admin")).isEqualTo("admin");

    // the same file again: every good row is now a duplicate and skipped, nothing created twice
    long again = accepted(upload("admin", "?mode=APPLY&onDuplicate=SKIP", "clients.csv", csv, Map.of()))
        .path("id").asLong();
    JsonNode second = finished(again);
    assertThat(second.path("created").asInt()).isZero();
    assertThat(second.path("skipped").asInt()).isEqualTo(970);
    assertThat(customersNamedLike(run)).isEqualTo(970);
  }

  @Test
  void theSameListAsAnExcelWorkbookGivesTheSameResult() throws Exception {
    ImportFiles.Sheet sheet = ImportFiles.customers(run, 1000, PHONES + 1);
    long id = accepted(upload("admin", "", "clients.xlsx", ImportFiles.xlsx(sheet.rows()),
        Map.of("mode", "APPLY"))).path("id").asLong();
    JsonNode done = finished(id);
    assertThat(done.path("fileType").asText()).isEqualTo("XLSX");
    assertThat(done.path("created").asInt()).isEqualTo(970);
    assertThat(done.path("rejected").asInt()).isEqualTo(30);
    assertThat(customersNamedLike(run)).isEqualTo(970);
    sameRejections(rejectedRows(id), sheet.rejected());
  }

  @Test
  void anUpdateByPhoneIsUndoneAndTheOldEmailComesBack() throws Exception {
    Api admin = Api.as(rest, "admin");
    var existing = admin.post("/api/customers", Map.of("name", "Fromagerie " + run, "email", "old-" + run
        + "@example.com", "phone", "04 72 00 " + String.format("%02d %02d", PHONES % 100, 42)));
    long customerId = existing.json().path("id").asLong();
    String phoneAsExported = "+33 4 72 00 " + String.format("%02d %02d", PHONES % 100, 42);
    String csv = "Raison sociale,Courriel,Tel,Consentement e-mail,Source du consentement e-mail\n"
        + "Fromagerie " + run + ",new-" + run + "@example.com," + phoneAsExported + ",oui,salon 2025\n"
        + "Nouveau " + run + ",nouveau-" + run + "@example.com,,,\n";
    long id = accepted(upload("admin", "?mode=APPLY&onDuplicate=UPDATE", "maj.csv",
        csv.getBytes(StandardCharsets.UTF_8), Map.of("mapping", "{\"Raison sociale\": \"name\"}")))
        .path("id").asLong();
    JsonNode done = finished(id);
    assertThat(done.path("updated").asInt()).as(rejectedRows(id).toString()).isEqualTo(1);
    assertThat(done.path("created").asInt()).isEqualTo(1);
    JsonNode updated = admin.get("/api/customers/" + customerId).json();
    assertThat(updated.path("email").asText()).isEqualTo("new-" + run + "@example.com");
    assertThat(updated.path("emailConsent").path("source").asText()).isEqualTo("salon 2025");

    var undone = admin.post("/api/imports/" + id + "/undo", Map.of());
    assertThat(undone.status()).as(undone.body()).isEqualTo(200);
    assertThat(undone.json().path("status").asText()).isEqualTo("UNDONE");
    JsonNode restored = admin.get("/api/customers/" + customerId).json();
    assertThat(restored.path("email").asText()).isEqualTo("old-" + run + "@example.com");
    assertThat(restored.path("emailConsent").path("granted").asBoolean()).isFalse();
    assertThat(customersNamedLike("Nouveau " + run)).isZero();
    assertThat(admin.post("/api/imports/" + id + "/undo", Map.of()).status()).isEqualTo(409);
  }

  @Test
  void aCustomersPlaceComesInWithItsCoordinatesAndAWrongOneIsARejectedRow() throws Exception {
    String csv = "Nom;Adresse;Latitude;Longitude\n"
        + "Quai " + run + ";2 quai Saint-Antoine, Lyon;45,7631;4,8302\n"
        + "Ailleurs " + run + ";;123;4,8\n"
        + "Moitie " + run + ";;45,7;\n";
    long id = accepted(upload("admin", "?mode=APPLY", "places.csv", csv.getBytes(StandardCharsets.UTF_8), Map.of()))
        .path("id").asLong();
    JsonNode done = finished(id);
    assertThat(done.path("created").asInt()).isEqualTo(1);
    assertThat(done.path("rejected").asInt()).isEqualTo(2);
    assertThat(rejectedRows(id).values()).anySatisfy(reason -> assertThat(reason).contains("latitude '123'"))
        .anySatisfy(reason -> assertThat(reason).contains("both its latitude and its longitude"));
    JsonNode placed = Api.as(rest, "admin").get("/api/customers?q=" + run).json().path("content").path(0);
    assertThat(placed.path("name").asText()).isEqualTo("Quai " + run);
    assertThat(placed.path("latitude").asDouble()).as(placed.toString()).isEqualTo(45.7631);
    assertThat(placed.path("longitude").asDouble()).isEqualTo(4.8302);
  }

  @Test
  void anUndoIsRefusedWhenSomeoneChangedAnImportedCustomerSince() throws Exception {
    String csv = "name,email\nChanged " + run + ",changed-" + run + "@example.com\nKept " + run + ",kept-" + run
        + "@example.com\n";
    long id = accepted(upload("admin", "?mode=APPLY", "c.csv", csv.getBytes(StandardCharsets.UTF_8), Map.of()))
        .path("id").asLong();
    finished(id);
    long changed = Api.as(rest, "sales").get("/api/customers?q=changed-" + run).json().path("content").get(0)
        .path("id").asLong();
    Api.as(rest, "sales").patch("/api/customers/" + changed, Map.of("address", "changed by sales"));
    var refused = Api.as(rest, "admin").post("/api/imports/" + id + "/undo", Map.of());
    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.body()).contains(String.valueOf(changed));
    assertThat(customersNamedLike(run)).isEqualTo(2);
    assertThat(Api.as(rest, "admin").get("/api/imports/" + id).json().path("status").asText()).isEqualTo("DONE");
  }

  @Test
  void anUndoIsRefusedWhenAFileWasAttachedToAnImportedCustomerSince() throws Exception {
    String csv = "name,email\nFiled " + run + ",filed-" + run + "@example.com\n";
    long id = accepted(upload("admin", "?mode=APPLY", "c.csv", csv.getBytes(StandardCharsets.UTF_8), Map.of()))
        .path("id").asLong();
    finished(id);
    long customer = Api.as(rest, "sales").get("/api/customers?q=filed-" + run).json().path("content").get(0)
        .path("id").asLong();
    LinkedMultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
    HttpHeaders fileHeaders = new HttpHeaders();
    fileHeaders.setContentDispositionFormData("file", "signed.pdf");
    form.add("file", new HttpEntity<>(new ByteArrayResource(com.relais.crm.attachment.Uploads.pdf("Signed order")) {
      @Override
      public String getFilename() {
        return "signed.pdf";
      }
    }, fileHeaders));
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    var attached = rest.withBasicAuth("sales", "sales").exchange("/api/attachments?customerId=" + customer,
        HttpMethod.POST, new HttpEntity<>(form, headers), String.class);
    assertThat(attached.getStatusCode().value()).as(attached.getBody()).isEqualTo(201);

    // the file would lose its customer: the undo is refused and nothing is removed
    var refused = Api.as(rest, "admin").post("/api/imports/" + id + "/undo", Map.of());
    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.body()).contains("file");
    assertThat(Api.as(rest, "admin").get("/api/customers/" + customer).status()).isEqualTo(200);
    assertThat(Api.as(rest, "admin").get("/api/imports/" + id).json().path("status").asText()).isEqualTo("DONE");
  }

  @Test
  void anErasedPersonLeavesNoTraceInTheImportedFilesRows() throws Exception {
    String email = "erase-me-" + run + "@example.com";
    String csv = "nom,e-mail,catégorie\nErase Me " + run + "," + email + ",Prospect\nBad Row " + run + "," + email
        + ",Martian\n";
    long id = accepted(upload("admin", "?mode=APPLY", "c.csv", csv.getBytes(StandardCharsets.UTF_8), Map.of()))
        .path("id").asLong();
    finished(id);
    assertThat(jdbc.queryForObject("select count(*) from data_import_row where import_id = ? and columns_json"
        + " like ?", Integer.class, id, "%" + email + "%")).isEqualTo(2);
    long customer = Api.as(rest, "sales").get("/api/customers?q=" + email).json().path("content").get(0).path("id")
        .asLong();
    var erased = Api.as(rest, "admin").post("/api/customers/" + customer + "/erasure", null);
    assertThat(erased.status()).as(erased.body()).isEqualTo(200);
    assertThat(erased.json().path("importRows").asInt()).isEqualTo(2);
    // neither the imported row nor the rejected one (which named the same e-mail) keeps the person
    assertThat(jdbc.queryForObject("select count(*) from data_import_row where import_id = ? and columns_json"
        + " like ?", Integer.class, id, "%" + email + "%")).isZero();
    var rejected = rest.withBasicAuth("admin", "admin").getForObject("/api/imports/" + id + "/rejected", String.class);
    // the rejected row is still counted and listed, without what it said
    assertThat(rejected).contains("\n3,").doesNotContain(email).doesNotContain("Erase Me");
  }

  @Test
  void badFilesAreRefusedAndLeaveNothingBehind() throws Exception {
    int importsBefore = jdbc.queryForObject("select count(*) from data_import", Integer.class);
    byte[] pdf = com.relais.crm.attachment.Uploads.pdf("Nom;E-mail not a spreadsheet;x@example.com");
    var notASheet = upload("admin", "?mode=APPLY", "clients.csv", pdf, Map.of());
    assertThat(notASheet.getStatusCode().value()).isEqualTo(415);
    assertThat(notASheet.getBody()).contains("not a CSV file or an Excel workbook");

    assertThat(upload("admin", "?mode=APPLY", "empty.csv", new byte[0], Map.of()).getStatusCode().value())
        .isEqualTo(400);
    var unknownField = upload("admin", "?mode=APPLY", "c.csv",
        ("Nom,Couleur\nX " + run + ",bleu\n").getBytes(StandardCharsets.UTF_8), Map.of("mapping",
            "{\"Couleur\": \"favouriteColour\"}"));
    assertThat(unknownField.getStatusCode().value()).isEqualTo(400);
    assertThat(unknownField.getBody()).contains("favouriteColour", "\"field\":\"mapping\"");
    var noName = upload("admin", "?mode=APPLY", "c.csv", "Couleur\nbleu\n".getBytes(StandardCharsets.UTF_8),
        Map.of());
    assertThat(noName.getStatusCode().value()).isEqualTo(400);
    assertThat(noName.getBody()).contains("name");
    assertThat(upload("admin", "?mode=SOMETIMES", "c.csv", "Nom\nA\n".getBytes(StandardCharsets.UTF_8), Map.of())
        .getStatusCode().value()).isEqualTo(400);
    assertThat(upload("sales", "?mode=APPLY", "c.csv", ("Nom\nS " + run + "\n").getBytes(StandardCharsets.UTF_8),
        Map.of()).getStatusCode().value()).isEqualTo(403);

    assertThat(jdbc.queryForObject("select count(*) from data_import", Integer.class)).isEqualTo(importsBefore);
    assertThat(customersNamedLike(run)).isZero();
    assertThat(Api.as(rest, "admin").get("/api/imports/999999999").status()).isEqualTo(404);
  }
}
