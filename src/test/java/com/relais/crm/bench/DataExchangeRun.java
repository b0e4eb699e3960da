package com.relais.crm.bench;

import java.io.BufferedWriter;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import org.postgresql.PGConnection;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Scenarios I and E: an admin imports a CSV of customers over HTTP (timed from the upload to the last row settled,
 * with the service's live heap after a GC at a tenth of the size and at full size, which must not grow with the
 * file), and exports the personal data of one customer with many exchanges (the ZIP streamed and counted, the heap
 * read the same way).
 */
class DataExchangeRun {
  private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private static final String AUTH = "Basic " + Base64.getEncoder()
      .encodeToString("admin:admin".getBytes(StandardCharsets.UTF_8));

  record Import(int rows, double uploadSeconds, double totalSeconds, double heapBeforeMb, double heapAfterMb) {}

  record Export(int exchanges, long zipBytes, double seconds, double heapBeforeMb, double heapAfterMb) {}

  /** Each import of a run gets phone numbers of its own, so no row of the second is a duplicate of the first. */
  private int imports;

  Import importCustomers(String base, JdbcTemplate jdbc, int rows) throws Exception {
    String run = UUID.randomUUID().toString().substring(0, 8);
    int phones = 10 + imports++;
    Path file = Files.createTempFile("bench-import-", ".csv");
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      out.write("nom;e-mail;téléphone;catégorie;adresse\n");
      for (int i = 0; i < rows; i++) {
        out.write("Import " + run + " " + i + ";imp" + i + "-" + run + "@example.com;+33 7 " + String.format("%02d%06d",
            phones, i) + ";Prospect;" + i + " avenue de la Gare, Nantes\n");
      }
    }
    double heapBefore = heapAfterGcMb();
    long start = System.nanoTime();
    String boundary = "----bench" + run;
    HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/imports?mode=APPLY"))
        .header("Authorization", AUTH).header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .timeout(Duration.ofMinutes(10))
        .POST(HttpRequest.BodyPublishers.concat(
            HttpRequest.BodyPublishers.ofString("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\";"
                + " filename=\"clients.csv\"\r\nContent-Type: text/csv\r\n\r\n"),
            HttpRequest.BodyPublishers.ofFile(file),
            HttpRequest.BodyPublishers.ofString("\r\n--" + boundary + "--\r\n"))).build();
    HttpResponse<String> answer = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
    double uploadSeconds = (System.nanoTime() - start) / 1e9;
    Files.delete(file);
    if (answer.statusCode() != 202) {
      throw new IllegalStateException("import refused: " + answer.statusCode() + " " + answer.body());
    }
    long id = Http.JSON.readTree(answer.body()).path("id").asLong();
    long deadline = System.nanoTime() + Duration.ofMinutes(30).toNanos();
    while (!"DONE".equals(jdbc.queryForObject("select status from data_import where id = ?", String.class, id))) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("the import did not finish within 30 minutes");
      }
      Thread.sleep(100);
    }
    double total = (System.nanoTime() - start) / 1e9;
    int created = jdbc.queryForObject("select created from data_import where id = ?", Integer.class, id);
    if (created != rows) {
      throw new IllegalStateException("import " + id + " created " + created + " of " + rows);
    }
    return new Import(rows, uploadSeconds, total, heapBefore, heapAfterGcMb());
  }

  Export exportCustomer(String base, Connection connection, int exchanges) throws Exception {
    long customer;
    try (Statement sql = connection.createStatement()) {
      var keys = sql.executeQuery("insert into customer (name, email, category, acquisition_source, created_by,"
          + " created_at, updated_at) values ('Export bench', 'export-bench@example.com', 'CUSTOMER', 'WEBSITE',"
          + " 'bench', now(), now()) returning id");
      keys.next();
      customer = keys.getLong(1);
    }
    StringBuilder rows = new StringBuilder();
    Instant now = Instant.now();
    for (int i = 0; i < exchanges; i++) {
      Instant at = now.minusSeconds(600L * (exchanges - i));
      rows.append("CALL\tCall ").append(i).append(" with Export bench\t").append(at).append("\tDONE\tsales\t")
          .append(customer).append('\t').append(at).append('\t').append(at).append('\n');
    }
    connection.unwrap(PGConnection.class).getCopyAPI().copyIn("copy communication (type, subject, starts_at, status,"
        + " author, customer_id, created_at, updated_at) from stdin", new java.io.StringReader(rows.toString()));
    rows.setLength(0);
    double heapBefore = heapAfterGcMb();
    long start = System.nanoTime();
    HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/customers/" + customer + "/personal-data"))
        .header("Authorization", AUTH).timeout(Duration.ofMinutes(10)).GET().build();
    HttpResponse<InputStream> answer = CLIENT.send(request, HttpResponse.BodyHandlers.ofInputStream());
    long bytes;
    try (InputStream zip = answer.body()) {
      bytes = zip.transferTo(java.io.OutputStream.nullOutputStream());
    }
    if (answer.statusCode() != 200) {
      throw new IllegalStateException("export refused: " + answer.statusCode());
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    return new Export(exchanges, bytes, seconds, heapBefore, heapAfterGcMb());
  }

  private static double heapAfterGcMb() {
    System.gc();
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / 1048576.0;
  }
}
