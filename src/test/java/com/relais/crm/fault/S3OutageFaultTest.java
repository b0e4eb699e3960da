package com.relais.crm.fault;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The S3 endpoint goes away under a running node (real PostgreSQL, S3Proxy over HTTP in the test JVM). Uploads and
 * downloads answer 503 problem+json and leave no attachment row without its object; when the endpoint is back on
 * the same address, uploads work again without a restart. An object left without its row (as a crash between
 * object and row leaves it) is reported by the consistency sweep and removed on its next run.
 */
class S3OutageFaultTest {

  @Test
  void uploadsAnswer503WhileTheStoreIsDownAndWorkAgainAfterwardsAndTheSweepCleansStrays() throws Exception {
    try (FaultDatabase db = FaultDatabase.onSharedServer();
        StandaloneS3 s3 = new StandaloneS3(Path.of("target", "fault-s3", "outage-" + UUID.randomUUID()))) {
      var settings = ChildNode.defaults(db.url(), FaultDatabase.USER, FaultDatabase.PASSWORD, s3);
      settings.put("relais.attachments.sweep-interval", "PT2S");
      try (ChildNode node = new ChildNode("s3-outage", settings).start()) {
        Rest sales = Rest.as(node, "sales");
        long customer = sales.post("/api/customers", Map.of("name", "Outage Traders", "category", "PROSPECT",
            "acquisitionSource", "WEBSITE")).json().path("id").asLong();
        Rest.Reply before = upload(sales, customer, "before.txt", "written before the outage");
        assertThat(before.status()).as(before.toString()).isEqualTo(201);
        long beforeId = before.json().path("id").asLong();

        s3.stop();
        for (int i = 0; i < 3; i++) {
          Rest.Reply refused = upload(sales, customer, "during-" + i + ".txt", "written during the outage");
          assertThat(refused.status()).as(refused.toString()).isEqualTo(503);
          assertThat(refused.contentType()).startsWith("application/problem+json");
          assertThat(refused.json().path("detail").asText()).contains("file store is unavailable");
        }
        Rest.Reply unreadable = sales.get("/api/attachments/" + beforeId + "/content");
        assertThat(unreadable.status()).isEqualTo(503);
        assertThat(unreadable.contentType()).startsWith("application/problem+json");
        assertThat(db.strings("select file_name from attachment order by id")).containsExactly("before.txt");
        // the rest of the service works while the store is down
        assertThat(sales.get("/api/customers/" + customer).status()).isEqualTo(200);

        s3.start();
        Rest.Reply after = upload(sales, customer, "after.txt", "written after the outage");
        assertThat(after.status()).as(after.toString()).isEqualTo(201);
        Rest.Reply content = sales.get("/api/attachments/" + after.json().path("id").asLong() + "/content");
        assertThat(content.status()).isEqualTo(200);
        assertThat(content.body()).isEqualTo("written after the outage");
        assertThat(sales.get("/api/attachments/" + beforeId + "/content").body()).isEqualTo("written before the outage");

        // a crash between object and row leaves an object nobody names: reported, then removed
        String stray = "attachments/" + UUID.randomUUID();
        s3.put(stray, "orphan".getBytes(StandardCharsets.UTF_8));
        HttpDeals.await("the sweep to remove " + stray, () -> s3.exists(stray) ? null : Boolean.TRUE);
        String log = node.logText();
        assertThat(log).contains("Found 1 objects without an attachment row", stray);
        assertThat(log).contains("Removed 1 stray objects from the file store");

        // no row without its object, no object without its row
        List<String> rows = db.strings("select object_key from attachment");
        assertThat(rows).hasSize(2);
        assertThat(s3.keys("attachments/")).containsExactlyInAnyOrderElementsOf(rows);
      }
    }
  }

  private static Rest.Reply upload(Rest rest, long customerId, String name, String text) {
    return rest.upload("/api/attachments", "customerId", Long.toString(customerId), name,
        text.getBytes(StandardCharsets.UTF_8), "text/plain");
  }
}
