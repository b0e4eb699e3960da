package com.relais.crm.fault;

import static com.relais.crm.fault.HttpDeals.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Two instances of the service on different ports share one PostgreSQL database and one S3 endpoint (in the test
 * JVM, so no node owns it). A stream of deals is worked in parallel, each step sent to the other node than the
 * previous one; both job executors take the asynchronous steps and the timers (the carrier chase after 2 days and
 * the 7-day quote timeout, made due through /engine-rest). Every deal completes once, with each stage and each
 * document exactly once. Then one node is killed right after a burst of work, and the other finishes everything.
 */
class TwoNodesFaultTest {
  private static final int DEALS = 8;

  @Test
  void twoNodesShareTheWorkExactlyOnceAndOneFinishesWhenTheOtherIsKilled() throws Exception {
    try (FaultDatabase db = FaultDatabase.onSharedServer();
        StandaloneS3 s3 = new StandaloneS3(Path.of("target", "fault-s3", "two-nodes-" + UUID.randomUUID()))) {
      var settings = ChildNode.defaults(db.url(), FaultDatabase.USER, FaultDatabase.PASSWORD, s3);
      // one after the other: the first start creates the engine schema and the demo data
      try (ChildNode a = new ChildNode("node-a", named(settings, "node-a")).start();
          ChildNode b = new ChildNode("node-b", named(settings, "node-b")).start()) {
        List<ChildNode> nodes = List.of(a, b);
        List<Long> deals = new ArrayList<>();
        ExecutorService workers = Executors.newFixedThreadPool(4);
        try {
          List<Future<Long>> started = new ArrayList<>();
          for (int i = 0; i < DEALS; i++) {
            int n = i;
            started.add(workers.submit(() -> workToPayment(nodes, n)));
          }
          for (Future<Long> deal : started) {
            deals.add(deal.get());
          }
        } finally {
          workers.shutdownNow();
        }

        // a burst of work on node A (each payment makes the reception note due), and A dies at once
        for (long id : deals) {
          pay(a, id);
        }
        a.kill();
        System.out.printf("Node A killed with %s asynchronous job(s) due, %s locked by it%n",
            db.count("select count(*) from act_ru_job where type_ <> 'timer'"),
            db.count("select count(*) from act_ru_job where lock_owner_ is not null"));

        for (long id : deals) {
          receive(b, id);
        }
        for (long id : deals) {
          awaitDeliveryStage(b, id, "DELIVERY_7_RECEIVED");
          assertDeliveredExactlyOnce(db, s3, id);
        }
        assertNoStuckJobs(db);
        assertThat(b.alive()).isTrue();
        // both job executors did part of the asynchronous work (the engine logs each job with its node's name)
        assertThat(db.strings("select distinct hostname_ from act_hi_job_log where job_def_type_ = 'async-continuation'"
            + " and job_state_ = 2")).containsExactlyInAnyOrder("node-a", "node-b");
        assertThat(db.strings("select distinct hostname_ from act_hi_job_log where job_def_type_ = 'timer-transition'"
            + " and job_state_ = 2")).isNotEmpty();
      }
    }
  }

  /** The engine records this name with every job it runs, so the test can tell the nodes' work apart. */
  private static Map<String, String> named(Map<String, String> settings, String name) {
    Map<String, String> named = new java.util.LinkedHashMap<>(settings);
    named.put("camunda.bpm.generic-properties.properties.hostname", name);
    return named;
  }

  /** One deal up to its payment task; step k goes to node (n + k) % 2. Odd deals wait out the carrier's timers. */
  private static long workToPayment(List<ChildNode> nodes, int n) {
    int[] step = {n};
    java.util.function.Supplier<ChildNode> next = () -> nodes.get(step[0]++ % 2);
    long id = open(next.get(), "Two Nodes Customer " + n, 40000);
    complete(next.get(), "sales", id, "userTask_qualifyProspect", Map.of("saleOutcome", "OPEN"));
    complete(next.get(), "sales", id, "userTask_prepareProposal", Map.of("saleOutcome", "OPEN"));
    complete(next.get(), "sales", id, "userTask_followUpProposal", Map.of("saleOutcome", "OPEN"));
    complete(next.get(), "sales", id, "userTask_negotiate", Map.of("saleOutcome", "WON", "transport", "EXTERNAL",
        "simplified", false));
    sign(next.get(), id);
    if (n % 2 == 0) {
      quote(next.get(), id, 180);
    } else {
      awaitDeliveryStage(next.get(), id, "DELIVERY_2_CARRIER_TRANSFER");
      fireTimer(next.get(), id, "boundaryTimer_chaseCarrier");
      complete(next.get(), "logistics", id, "userTask_chaseCarrier", Map.of("chaseComment", "No answer"));
      fireTimer(next.get(), id, "boundaryTimer_quoteTimeout");
    }
    evaluate(next.get(), id, 180);
    approve(next.get(), id);
    confirm(next.get(), id);
    awaitDeliveryStage(next.get(), id, "DELIVERY_6_PAYMENT");
    return id;
  }
}
