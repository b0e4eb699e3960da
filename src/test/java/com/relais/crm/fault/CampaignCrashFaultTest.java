package com.relais.crm.fault;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A campaign's node is killed with SIGKILL in the middle of its sending (batches of 20, so many are committed and one
 * is under way), then started again on the same database. The sending goes on where it stopped: every recipient has
 * exactly one message queued in the outbox and one exchange in their history, none failed, none twice.
 */
class CampaignCrashFaultTest {
  private static final int READERS = 400;

  @Test
  void aCampaignKilledHalfWayFinishesAfterTheRestartAndNobodyGetsItTwice() throws Exception {
    try (FaultDatabase db = FaultDatabase.onSharedServer();
        StandaloneS3 s3 = new StandaloneS3(Path.of("target", "fault-s3", "campaign-" + UUID.randomUUID()))) {
      var settings = new java.util.HashMap<>(ChildNode.defaults(db.url(), FaultDatabase.USER, FaultDatabase.PASSWORD,
          s3));
      settings.put("relais.campaigns.batch-size", "20");
      long campaign;
      try (ChildNode first = new ChildNode("campaign-before", settings).start()) {
        try (Connection connection = db.connect(); Statement sql = connection.createStatement()) {
          sql.execute("insert into customer_category (code, label, active, built_in, position)"
              + " values ('CRASH_READERS', 'Crash readers', true, false, 900)");
          sql.execute("insert into customer (name, email, category, acquisition_source, email_consent,"
              + " email_consent_at, email_consent_how, created_by, created_at, updated_at) select 'Reader ' || g,"
              + " 'reader' || g || '@example.com', 'CRASH_READERS', 'WEBSITE', true, now(), 'web form', 'fault',"
              + " now(), now() from generate_series(1, " + READERS + ") g");
        }
        var created = Rest.as(first, "sales").post("/api/campaigns", Map.of("name", "Crash campaign", "channel",
            "EMAIL", "purpose", "PROMOTIONAL", "subject", "News, {{name}}", "text", "Dear {{name}}, hello.",
            "audience", Map.of("categories", List.of("CRASH_READERS"))));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        campaign = created.json().path("id").asLong();
        assertThat(Rest.as(first, "sales").post("/api/campaigns/" + campaign + "/submit", Map.of()).status())
            .isEqualTo(200);
        String task = db.strings("select t.id_ from act_ru_task t join act_ru_execution e on e.id_ = t.proc_inst_id_"
            + " where e.business_key_ = ?", "campaign-" + campaign).get(0);
        assertThat(Rest.as(first, "manager").post("/engine-rest/task/" + task + "/complete", Map.of("variables",
            Map.of("campaignApproved", Map.of("value", true)))).status()).isEqualTo(204);
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (db.count("select count(*) from campaign_recipient where campaign_id = ? and status = 'SENT'",
            campaign) < 60) {
          assertThat(System.nanoTime()).as("the sending started").isLessThan(deadline);
          ChildNode.pause(Duration.ofMillis(50));
        }
        first.kill();
      }
      long sentAtTheCrash = db.count("select count(*) from campaign_recipient where campaign_id = ?"
          + " and status = 'SENT'", campaign);
      System.out.printf("Killed with %d of %d recipients sent%n", sentAtTheCrash, READERS);
      assertThat(sentAtTheCrash).isLessThan(READERS);

      try (ChildNode second = new ChildNode("campaign-after", settings).start()) {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (!"SENT".equals(db.strings("select status from campaign where id = ?", campaign).get(0))) {
          assertThat(System.nanoTime()).as("the campaign finished after the restart").isLessThan(deadline);
          ChildNode.pause(Duration.ofMillis(200));
        }
        assertThat(db.count("select count(*) from campaign_recipient where campaign_id = ? and status = 'SENT'",
            campaign)).isEqualTo(READERS);
        // one message per recipient in the outbox, one exchange per recipient in the history
        assertThat(db.count("select count(*) from outbox_message where purpose = ?", "campaign:" + campaign))
            .isEqualTo(READERS);
        assertThat(db.count("select count(distinct recipient) from outbox_message where purpose = ?",
            "campaign:" + campaign)).isEqualTo(READERS);
        assertThat(db.count("select count(*) from outbox_message where purpose = ? and status = 'FAILED'",
            "campaign:" + campaign)).isZero();
        assertThat(db.count("select count(*) from communication where subject like 'Campaign Crash campaign%'"))
            .isEqualTo(READERS);
        assertThat(db.count("select count(*) from (select customer_id from communication where subject like"
            + " 'Campaign Crash campaign%' group by customer_id having count(*) > 1) twice")).isZero();
        assertThat(db.count("select count(*) from campaign_recipient r where r.campaign_id = ? and r.exchange_id"
            + " is null", campaign)).isZero();
      }
    }
  }
}
