package com.relais.crm.fault;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * An import's node is killed with SIGKILL half-way through its batches, then started again on the same database.
 * The import resumes at the first row still pending and finishes: every row of the file is one customer, none
 * twice, and the counts add up.
 */
class ImportCrashFaultTest {
  private static final int ROWS = 6000;

  private static HttpResponse<String> upload(ChildNode node, byte[] csv) throws Exception {
    String boundary = "----relais" + UUID.randomUUID();
    byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"clients.csv\"\r\n"
        + "Content-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8);
    byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
    byte[] body = new byte[head.length + csv.length + tail.length];
    System.arraycopy(head, 0, body, 0, head.length);
    System.arraycopy(csv, 0, body, head.length, csv.length);
    System.arraycopy(tail, 0, body, head.length + csv.length, tail.length);
    HttpRequest request = HttpRequest.newBuilder(URI.create(node.baseUrl() + "/api/imports?mode=APPLY"))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("admin:admin".getBytes()))
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .timeout(Duration.ofSeconds(120))
        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
    return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void anImportKilledHalfWayFinishesAfterTheRestartWithNoRowTwice() throws Exception {
    String run = UUID.randomUUID().toString().substring(0, 8);
    StringBuilder csv = new StringBuilder("nom;e-mail;téléphone\n");
    for (int i = 0; i < ROWS; i++) {
      csv.append("Crash ").append(run).append(' ').append(i).append(';').append("crash").append(i).append('-')
          .append(run).append("@example.com;+33 7 99 ").append(String.format("%06d", i)).append('\n');
    }
    try (FaultDatabase db = FaultDatabase.onSharedServer();
        StandaloneS3 s3 = new StandaloneS3(Path.of("target", "fault-s3", "import-" + UUID.randomUUID()))) {
      var settings = new java.util.HashMap<>(ChildNode.defaults(db.url(), FaultDatabase.USER, FaultDatabase.PASSWORD,
          s3));
      settings.put("relais.imports.batch-size", "50");
      long id;
      try (ChildNode first = new ChildNode("import-before", settings).start()) {
        HttpResponse<String> answer = upload(first, csv.toString().getBytes(StandardCharsets.UTF_8));
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
        id = Rest.JSON.readTree(answer.body()).path("id").asLong();
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (db.count("select count(*) from customer where name like ?", "Crash " + run + "%") < 500) {
          assertThat(System.nanoTime()).as("the import started").isLessThan(deadline);
          ChildNode.pause(Duration.ofMillis(50));
        }
        first.kill();
      }
      long atTheCrash = db.count("select count(*) from customer where name like ?", "Crash " + run + "%");
      System.out.printf("Killed with %d of %d rows imported%n", atTheCrash, ROWS);
      assertThat(atTheCrash).isLessThan(ROWS);
      // what committed is consistent: each customer written has its row settled, and the progress says so
      assertThat(db.count("select processed from data_import where id = ?", id)).isEqualTo(atTheCrash);

      try (ChildNode second = new ChildNode("import-after", settings).start()) {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (!"DONE".equals(db.strings("select status from data_import where id = ?", id).get(0))) {
          assertThat(System.nanoTime()).as("the import finished after the restart").isLessThan(deadline);
          ChildNode.pause(Duration.ofMillis(200));
        }
        assertThat(db.count("select count(*) from customer where name like ?", "Crash " + run + "%"))
            .isEqualTo(ROWS);
        assertThat(db.count("select count(*) from (select email from customer where name like ? group by email"
            + " having count(*) > 1) twice", "Crash " + run + "%")).isZero();
        assertThat(db.count("select created from data_import where id = ?", id)).isEqualTo(ROWS);
        assertThat(db.count("select processed from data_import where id = ?", id)).isEqualTo(ROWS);
        assertThat(db.count("select count(*) from data_import_row where import_id = ? and outcome <> 'CREATED'", id))
            .isZero();
      }
    }
  }
}
