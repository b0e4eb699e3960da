package com.relais.crm.fault;

import static com.relais.crm.fault.HttpDeals.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The service is killed with SIGKILL while deliveries are under way — quotes received, approvals pending, and
 * asynchronous steps just made due (possibly locked by the dying node's job executor) — then started again on the
 * same PostgreSQL database and S3 endpoint. Every deal goes on from its last wait state to its end, each stage is
 * recorded exactly once, each document exists once, and no job is left stuck.
 */
class CrashRestartFaultTest {

  @Test
  void aKilledNodeRestartsOnTheSameDatabaseAndEveryDealGoesOnFromItsLastWaitState() throws Exception {
    try (FaultDatabase db = FaultDatabase.onSharedServer();
        StandaloneS3 s3 = new StandaloneS3(Path.of("target", "fault-s3", "crash-" + UUID.randomUUID()))) {
      var settings = ChildNode.defaults(db.url(), FaultDatabase.USER, FaultDatabase.PASSWORD, s3);
      List<Long> deals = new ArrayList<>();
      try (ChildNode first = new ChildNode("crash-before", settings).start()) {
        for (int i = 0; i < 8; i++) {
          deals.add(open(first, "Crash Customer " + i, 40000));
        }
        for (long id : deals) {
          negotiate(first, id);
          sendNote(first, id);
        }
        long awaitingQuote = deals.get(0);
        long quoteReceived = deals.get(1);
        long approvalPending = deals.get(2);
        long confirmed = deals.get(3);
        long paying = deals.get(4);
        List<Long> signingAtTheCrash = deals.subList(5, 8);
        for (long id : deals.subList(0, 5)) {
          signature(first, id);
        }
        awaitDeliveryStage(first, awaitingQuote, "DELIVERY_2_CARRIER_TRANSFER");
        for (long id : List.of(quoteReceived, approvalPending, confirmed, paying)) {
          quote(first, id, 180);
        }
        for (long id : List.of(approvalPending, confirmed, paying)) {
          evaluate(first, id, 180);
        }
        for (long id : List.of(confirmed, paying)) {
          approve(first, id);
          confirm(first, id);
        }
        // the last actions make asynchronous steps due; the node dies before or while running them
        pay(first, paying);
        for (long id : signingAtTheCrash) {
          signature(first, id);
        }
        first.kill();
        System.out.printf("Killed with %s asynchronous job(s) due, %s of them locked by the dead node%n",
            db.count("select count(*) from act_ru_job where type_ <> 'timer'"),
            db.count("select count(*) from act_ru_job where lock_owner_ is not null"));
      }

      try (ChildNode second = new ChildNode("crash-after", settings).start()) {
        // the quote that arrived before the crash is kept; one sent now is a duplicate or the first
        for (long id : deals) {
          finish(second, db, id);
        }
        for (long id : deals) {
          assertDeliveredExactlyOnce(db, s3, id);
        }
        assertNoStuckJobs(db);
      }
    }
  }

  /** Takes the deal from wherever the crash left it to the end, over the restarted node. */
  private static void finish(ChildNode node, FaultDatabase db, long id) throws Exception {
    List<String> stages = db.strings("select to_stage from stage_change where opportunity_id = ? order by id", id);
    String last = stages.get(stages.size() - 1);
    switch (last) {
      case "SALE_5_SIGNATURE", "SALE_6_WON", "DELIVERY_1_NOTE_ISSUED", "DELIVERY_2_CARRIER_TRANSFER" -> {
        quote(node, id, 180);
        evaluate(node, id, 180);
        approve(node, id);
        confirm(node, id);
        pay(node, id);
      }
      case "DELIVERY_3_COST_EVALUATION" -> {
        evaluate(node, id, 180);
        approve(node, id);
        confirm(node, id);
        pay(node, id);
      }
      case "DELIVERY_4_FINANCIAL_APPROVAL" -> {
        approve(node, id);
        confirm(node, id);
        pay(node, id);
      }
      case "DELIVERY_5_CONFIRMATION" -> {
        confirm(node, id);
        pay(node, id);
      }
      case "DELIVERY_6_PAYMENT" -> {
        if (db.count("select count(*) from delivery where opportunity_id = ? and payment_reference is not null", id)
            == 0) {
          pay(node, id);
        }
      }
      default -> throw new AssertionError("deal " + id + " in an unexpected stage after the crash: " + stages);
    }
    receive(node, id);
    awaitDeliveryStage(node, id, "DELIVERY_7_RECEIVED");
  }
}
