package com.relais.crm.fault;

import static com.relais.crm.fault.HttpDeals.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL (a cluster of the test's own) stops and starts again while a node works deals under a steady load.
 * During the outage every request, /api and /engine-rest alike, fails fast with 503 problem+json and Retry-After,
 * none hangs, none is a 500 (also for the requests the restart cuts in the middle); afterwards the
 * connection pool recovers by itself (no service restart), everything committed before is there, and the job
 * executor runs the asynchronous steps again.
 */
class DatabaseRestartFaultTest {

  @Test
  void requestsFailFastWith503DuringTheOutageAndEverythingResumesAfterTheRestart() throws Exception {
    try (OwnPostgresCluster cluster = new OwnPostgresCluster();
        StandaloneS3 s3 = new StandaloneS3(Path.of("target", "fault-s3", "db-restart-" + UUID.randomUUID()))) {
      FaultDatabase db = new FaultDatabase("127.0.0.1", cluster.port());
      var settings = ChildNode.defaults(db.url(), FaultDatabase.USER, FaultDatabase.PASSWORD, s3);
      settings.put("spring.datasource.hikari.maximum-pool-size", "10");
      try (ChildNode node = new ChildNode("db-restart", settings).start()) {
        long atSignature = open(node, "Restart Negotiated", 40000);
        negotiate(node, atSignature);
        long awaitingQuote = open(node, "Restart Awaiting Quote", 40000);
        negotiate(node, awaitingQuote);
        sign(node, awaitingQuote);
        awaitDeliveryStage(node, awaitingQuote, "DELIVERY_2_CARRIER_TRANSFER");
        long atCost = open(node, "Restart Cost Evaluation", 40000);
        negotiate(node, atCost);
        sign(node, atCost);
        quote(node, atCost, 180);
        awaitDeliveryStage(node, atCost, "DELIVERY_3_COST_EVALUATION");
        Map<Long, List<String>> historyBefore = new java.util.HashMap<>();
        for (long id : List.of(atSignature, awaitingQuote, atCost)) {
          historyBefore.put(id, stages(db, id));
        }

        // a steady load of reads and writes through the whole outage
        AtomicBoolean loading = new AtomicBoolean(true);
        Map<Integer, Integer> loadStatuses = new ConcurrentHashMap<>();
        ConcurrentLinkedQueue<Long> customersCreated = new ConcurrentLinkedQueue<>();
        ExecutorService load = Executors.newFixedThreadPool(3);
        for (int t = 0; t < 3; t++) {
          int thread = t;
          load.submit(() -> {
            Rest sales = Rest.as(node, "sales");
            for (int i = 0; loading.get(); i++) {
              Rest.Reply reply = i % 2 == 0 ? sales.get("/api/opportunities/" + atSignature)
                  : sales.post("/api/customers", Map.of("name", "Load " + thread + "-" + i, "category", "PROSPECT",
                      "acquisitionSource", "WEBSITE"));
              loadStatuses.merge(reply.status(), 1, Integer::sum);
              if (reply.status() == 201) {
                customersCreated.add(reply.json().path("id").asLong());
              }
              ChildNode.pause(java.time.Duration.ofMillis(50));
            }
            return null;
          });
        }
        ChildNode.pause(java.time.Duration.ofSeconds(2));

        cluster.stop();
        // a burst of concurrent requests while the database is gone: all answered, all 503, none hangs
        ExecutorService burst = Executors.newFixedThreadPool(30);
        List<Future<long[]>> answers = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
          int n = i;
          answers.add(burst.submit(() -> {
            long start = System.nanoTime();
            Rest.Reply reply = switch (n % 3) {
              case 0 -> Rest.as(node, "logistics").post("/api/opportunities/" + awaitingQuote
                  + "/delivery/carrier-quote", Map.of("amount", 180));
              case 1 -> Rest.as(node, "logistics").get("/engine-rest/task?processInstanceBusinessKey=" + atCost);
              default -> Rest.as(node, "sales").get("/api/opportunities/" + atSignature);
            };
            assertThat(reply.status()).as(reply.toString()).isEqualTo(503);
            assertThat(reply.contentType()).startsWith("application/problem+json");
            assertThat(reply.retryAfter()).isNotBlank();
            assertThat(reply.json().path("detail").asText()).contains("database is unavailable");
            return new long[] {(System.nanoTime() - start) / 1_000_000};
          }));
        }
        long slowest = 0;
        for (Future<long[]> answer : answers) {
          slowest = Math.max(slowest, answer.get()[0]);
        }
        burst.shutdown();
        System.out.printf("30 requests during the outage: all 503, slowest %d ms%n", slowest);
        // the pool waits 2 s for a connection; far below the client's 60 s, so no thread piles up waiting
        assertThat(slowest).isLessThan(20_000);
        assertThat(Rest.anonymous(node).get("/actuator/health").status()).isEqualTo(503);

        cluster.start();
        long restarted = System.nanoTime();
        await("the pool to recover", () -> Rest.as(node, "sales").get("/api/opportunities/" + atSignature)
            .status() == 200 ? Boolean.TRUE : null);
        System.out.printf("Recovered %d ms after the database came back%n", (System.nanoTime() - restarted) / 1_000_000);
        ChildNode.pause(java.time.Duration.ofSeconds(2));
        loading.set(false);
        load.shutdown();
        assertThat(load.awaitTermination(90, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        System.out.println("Statuses seen by the load: " + loadStatuses);
        assertThat(loadStatuses.keySet()).as("only successes and 503s, never a 500").isSubsetOf(Set.of(200, 201, 503));
        assertThat(loadStatuses).containsKeys(200, 503);
        assertThat(node.alive()).isTrue();

        // nothing committed before is lost
        for (long id : historyBefore.keySet()) {
          assertThat(stages(db, id)).isEqualTo(historyBefore.get(id));
        }
        for (long customer : customersCreated) {
          assertThat(db.count("select count(*) from customer where id = ?", customer)).as("customer %d", customer)
              .isEqualTo(1);
        }
        // the job executor runs asynchronous steps again: every deal goes on to its end
        sign(node, atSignature);
        quote(node, atSignature, 180);
        quote(node, awaitingQuote, 180);
        for (long id : List.of(atSignature, awaitingQuote, atCost)) {
          evaluate(node, id, 180);
          approve(node, id);
          confirm(node, id);
          pay(node, id);
          receive(node, id);
        }
        for (long id : List.of(atSignature, awaitingQuote, atCost)) {
          awaitDeliveryStage(node, id, "DELIVERY_7_RECEIVED");
          assertDeliveredExactlyOnce(db, s3, id);
        }
        assertNoStuckJobs(db);
      }
    }
  }

  private static List<String> stages(FaultDatabase db, long id) throws Exception {
    return db.strings("select to_stage from stage_change where opportunity_id = ? order by id", id);
  }
}
