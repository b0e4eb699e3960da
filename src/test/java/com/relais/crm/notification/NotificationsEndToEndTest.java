package com.relais.crm.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.relais.crm.Api;
import com.relais.crm.DealDriver;
import com.relais.crm.HttpTest;
import com.relais.crm.messaging.EmbeddedSmsc;
import com.relais.crm.messaging.MailSink;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Following, preferences, rules and every channel, end to end: the in-process SMTP server and SMSC receive over
 * their sockets what the outbox sends after commit, and a TASK notification is a task in the user's Tasklist.
 */
@HttpTest
class NotificationsEndToEndTest {
  @Autowired TestRestTemplate rest;
  @Autowired DealDriver deals;
  @Autowired MailSink mail;
  @Autowired EmbeddedSmsc smsc;
  @Autowired DailyDigest digest;
  @Autowired RepositoryService repositoryService;
  @Autowired org.camunda.bpm.engine.HistoryService historyService;
  @Autowired JdbcTemplate jdbc;
  @Autowired NotificationPreferences preferences;

  @BeforeEach
  void quiet() {
    // each test sets its own preferences; none of another test's choices may tell someone here
    jdbc.update("delete from notification_preference");
    jdbc.update("delete from subscription");
    preferences.forgetRemembered();
  }

  private static <T> T eventually(Supplier<T> probe, java.util.function.Predicate<T> done) {
    long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    T value = probe.get();
    while (!done.test(value) && System.nanoTime() < until) {
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
      value = probe.get();
    }
    return value;
  }

  private List<MailSink.ReceivedMail> mailsTo(String address, String containing) {
    return mail.received().stream().filter(m -> m.to().contains(address) && (m.subject() + m.text())
        .contains(containing)).toList();
  }

  private void prefer(String user, String kind, List<String> channels, String digestChoice) {
    var changed = Api.as(rest, user).put("/api/notification-preferences", List.of(Map.of("eventKind", kind,
        "channels", channels, "digest", digestChoice)));
    assertThat(changed.status()).as(changed.body()).isEqualTo(200);
  }

  private void follow(String user, String field, long id) {
    var followed = Api.as(rest, user).post("/api/subscriptions", Map.of(field, id));
    assertThat(followed.status()).as(followed.body()).isIn(200, 201);
  }

  @Test
  void aFollowerIsToldOfADealsStageChangeByMailAndOnScreenWithTheMergedText() {
    String customer = "Stage Mail " + UUID.randomUUID().toString().substring(0, 6);
    long deal = deals.openDeal(customer, "1200");
    follow("sales2", "opportunityId", deal);
    assertThat(Api.as(rest, "sales2").post("/api/subscriptions", Map.of("opportunityId", deal)).status())
        .as("following twice is one subscription").isEqualTo(200);
    prefer("sales2", "STAGE_CHANGED", List.of("IN_APP", "EMAIL"), "NONE");
    long unreadBefore = Api.as(rest, "sales2").get("/api/notifications/unread-count").json().path("unread").asLong();

    deals.complete(deal, "userTask_qualifyProspect", Map.of("saleOutcome", "OPEN"));

    var mails = eventually(() -> mailsTo("sales2@relais.example", customer), list -> !list.isEmpty());
    assertThat(mails).hasSize(1);
    assertThat(mails.get(0).subject()).contains(customer, "SALE_2_QUALIFIED", "SALE_1_PROSPECT");
    assertThat(mails.get(0).text()).contains("/api/opportunities/" + deal);
    assertThat(Api.as(rest, "sales2").get("/api/notifications/unread-count").json().path("unread").asLong())
        .isEqualTo(unreadBefore + 1);
    JsonNode latest = Api.as(rest, "sales2").get("/api/notifications").json().get(0);
    assertThat(latest.path("kind").asText()).isEqualTo("STAGE_CHANGED");
    assertThat(latest.path("text").asText()).contains(customer);
    // the deal's owner (sales) chose nothing: on screen only, no mail
    assertThat(mailsTo("sales@relais.example", customer)).isEmpty();
  }

  @Test
  void aFollowerOfACustomerHearsOfAWonDealByMailSmsAndAsATaskInTasklist() {
    String customer = "Sms Task " + UUID.randomUUID().toString().substring(0, 6);
    long deal = deals.openDeal(customer, "3000");
    long customerId = Api.as(rest, "sales").get("/api/opportunities/" + deal).json().path("customerId").asLong();
    assertThat(Api.as(rest, "sales2").put("/api/me", Map.of("email", "sales2@relais.example",
        "phone", "+33611223344")).status()).isEqualTo(200);
    follow("sales2", "customerId", customerId);
    prefer("sales2", "DEAL_WON", List.of("EMAIL", "SMS", "TASK"), "NONE");

    deals.winDeal(deal, "EXTERNAL", false);

    var sms = eventually(() -> smsc.received().stream().filter(s -> s.text().contains(customer)).toList(),
        list -> !list.isEmpty());
    assertThat(sms).hasSize(1);
    assertThat(sms.get(0).to()).isEqualTo("33611223344");
    assertThat(sms.get(0).text()).contains("Deal won", customer);
    var mails = eventually(() -> mailsTo("sales2@relais.example", customer), list -> !list.isEmpty());
    assertThat(mails).hasSize(1);
    assertThat(mails.get(0).subject()).contains("Deal won", customer);
    JsonNode tasks = Api.as(rest, "sales2").get("/engine-rest/task?assignee=sales2&processDefinitionKey=notification")
        .json();
    assertThat(tasks.findValuesAsText("name")).anyMatch(name -> name.contains(customer));
    assertThat(Api.as(rest, "sales2").get("/engine-rest/task?assignee=sales2&processDefinitionKey=notification")
        .status()).isEqualTo(200);
  }

  @Test
  void aBigKeyAccountWinMailsTheManagersAndChangingTheTableChangesWhoIsTold() throws Exception {
    String customer = "Key Account " + UUID.randomUUID().toString().substring(0, 6);
    long deal = deals.openDeal(customer, "90000");
    long customerId = Api.as(rest, "sales").get("/api/opportunities/" + deal).json().path("customerId").asLong();
    assertThat(Api.as(rest, "sales").put("/api/customers/" + customerId, Map.of("category", "KEY_ACCOUNT"))
        .status()).isEqualTo(200);
    deals.winDeal(deal, "EXTERNAL", false);
    assertThat(eventually(() -> mailsTo("manager@relais.example", customer), list -> !list.isEmpty())).hasSize(1);
    assertThat(mailsTo("sales2@relais.example", customer)).as("the shipped table tells the managers only").isEmpty();
    // the rules run at every stage of every deal: they leave no decision history behind (they wrote thirteen
    // decision instances and their inputs per deal when they went through the process engine's DMN engine)
    assertThat(historyService.createHistoricDecisionInstanceQuery().decisionDefinitionKey("notificationRules").count())
        .isZero();

    String table;
    try (InputStream in = getClass().getResourceAsStream("/notification-rules.dmn")) {
      table = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    // the sales team instead of the managers (finance would not be told: it may not read a deal before its approval)
    String salesInstead = table.replace("<text>\"managers\"</text>", "<text>\"sales\"</text>");
    repositoryService.createDeployment().name("rules: the sales team is told").addString("notification-rules.dmn",
        salesInstead).deploy();
    try {
      String second = "Key Account Two " + UUID.randomUUID().toString().substring(0, 6);
      long other = deals.openDeal(second, "95000");
      long otherCustomer = Api.as(rest, "sales").get("/api/opportunities/" + other).json().path("customerId")
          .asLong();
      Api.as(rest, "sales").put("/api/customers/" + otherCustomer, Map.of("category", "KEY_ACCOUNT"));
      deals.winDeal(other, "EXTERNAL", false);
      assertThat(eventually(() -> mailsTo("sales2@relais.example", second), list -> !list.isEmpty())).hasSize(1);
    } finally {
      repositoryService.createDeployment().name("rules: as shipped").addString("notification-rules.dmn", table)
          .deploy();
    }
  }

  @Test
  void nobodyIsToldOfAPrivateExchangeTheyMayNotRead() {
    String customer = "Private Talk " + UUID.randomUUID().toString().substring(0, 6);
    long deal = deals.openDeal(customer, "500");
    long customerId = Api.as(rest, "sales").get("/api/opportunities/" + deal).json().path("customerId").asLong();
    follow("sales2", "customerId", customerId);
    prefer("sales2", "EXCHANGE_LOGGED", List.of("IN_APP", "EMAIL"), "NONE");

    Api.as(rest, "sales").post("/api/communications", Map.of("type", "NOTE", "subject", "Secret margin " + customer,
        "start", "2026-11-01T10:00:00Z", "customerId", customerId, "private", true));
    Api.as(rest, "sales").post("/api/communications", Map.of("type", "CALL", "subject", "Open call " + customer,
        "start", "2026-11-01T11:00:00Z", "customerId", customerId, "status", "DONE"));

    assertThat(eventually(() -> mailsTo("sales2@relais.example", "Open call " + customer), l -> !l.isEmpty()))
        .hasSize(1);
    assertThat(mailsTo("sales2@relais.example", "Secret margin")).isEmpty();
    assertThat(Api.as(rest, "sales2").get("/api/notifications").body()).doesNotContain("Secret margin");
  }

  @Test
  void theDailyDigestGathersADaysEventsIntoOneMail() {
    String customer = "Digest " + UUID.randomUUID().toString().substring(0, 6);
    long deal = deals.openDeal(customer, "500");
    long customerId = Api.as(rest, "sales").get("/api/opportunities/" + deal).json().path("customerId").asLong();
    follow("logistics", "customerId", customerId);
    prefer("logistics", "EXCHANGE_LOGGED", List.of("EMAIL"), "DAILY");
    for (String subject : List.of("First call", "Second call")) {
      Api.as(rest, "sales").post("/api/communications", Map.of("type", "CALL", "subject", subject + " " + customer,
          "start", "2026-11-01T10:00:00Z", "customerId", customerId, "status", "DONE"));
    }
    assertThat(mailsTo("logistics@relais.example", customer)).as("held for the digest").isEmpty();

    LocalDate tomorrow = LocalDate.now().plusDays(2);
    assertThat(digest.build(tomorrow)).isGreaterThanOrEqualTo(1);
    assertThat(digest.build(tomorrow)).as("one digest per user and day").isZero();
    var mails = eventually(() -> mailsTo("logistics@relais.example", customer), list -> !list.isEmpty());
    assertThat(mails).hasSize(1);
    assertThat(mails.get(0).text()).contains("First call " + customer, "Second call " + customer);
  }

  @Test
  void aDealsOwnerIsToldWithoutFollowingAndCanMuteIt() {
    String customer = "Owner Mute " + UUID.randomUUID().toString().substring(0, 6);
    long deal = deals.openDeal(customer, "800");
    prefer("sales", "STAGE_CHANGED", List.of("EMAIL"), "NONE");
    deals.complete(deal, "userTask_qualifyProspect", Map.of("saleOutcome", "OPEN"));
    assertThat(eventually(() -> mailsTo("sales@relais.example", customer), l -> !l.isEmpty())).hasSize(1);

    var muted = Api.as(rest, "sales").post("/api/subscriptions/mute", Map.of("opportunityId", deal));
    assertThat(muted.status()).isEqualTo(200);
    assertThat(muted.json().path("muted").asBoolean()).isTrue();
    deals.complete(deal, "userTask_prepareProposal", Map.of("saleOutcome", "OPEN"));
    deals.complete(deal, "userTask_followUpProposal", Map.of("saleOutcome", "LOST"));
    assertThat(eventually(() -> mailsTo("sales@relais.example", customer), l -> l.size() > 1)).hasSize(1);
  }

  @Autowired OverdueTasks overdueTasks;
  @Autowired org.camunda.bpm.engine.TaskService taskService;

  @Test
  void aTaskPastItsDueDateIsToldOnceToItsAssigneeOrTheDealsOwner() {
    String customer = "Overdue " + UUID.randomUUID().toString().substring(0, 6);
    long deal = deals.openDeal(customer, "600");
    var task = deals.task(deal, "userTask_qualifyProspect");
    taskService.setDueDate(task.getId(), java.util.Date.from(java.time.Instant.now().minus(Duration.ofHours(1))));

    overdueTasks.scan();
    overdueTasks.scan();

    long told = jdbc.queryForObject("select count(*) from notification where user_id = 'sales'"
        + " and kind = 'TASK_OVERDUE' and opportunity_id = ?", Long.class, deal);
    assertThat(told).as("the owner, once").isEqualTo(1);
    assertThat(Api.as(rest, "sales").get("/api/notifications").body()).contains("Overdue: Qualify the prospect");
  }

  @Test
  void badInputIsRefusedAndStoresNothing() {
    assertThat(Api.as(rest, "sales2").post("/api/subscriptions", Map.of("customerId", 987654321)).status())
        .isEqualTo(404);
    long deal = deals.openDeal("Not For Couriers", "500");
    assertThat(Api.as(rest, "courier").post("/api/subscriptions", Map.of("opportunityId", deal)).status())
        .isEqualTo(403);
    assertThat(Api.as(rest, "sales2").post("/api/subscriptions", Map.of()).status()).isEqualTo(400);
    var unknownChannel = Api.as(rest, "sales2").put("/api/notification-preferences", List.of(Map.of(
        "eventKind", "DEAL_WON", "channels", List.of("PIGEON"))));
    assertThat(unknownChannel.status()).isEqualTo(400);
    var unknownKind = Api.as(rest, "sales2").put("/api/notification-preferences", List.of(Map.of(
        "eventKind", "WEATHER", "channels", List.of("EMAIL"))));
    assertThat(unknownKind.status()).isEqualTo(400);
    var nullChannel = Api.as(rest, "sales2").exchange(org.springframework.http.HttpMethod.PUT,
        "/api/notification-preferences", "[{\"eventKind\": \"DEAL_WON\", \"channels\": [null]}]");
    assertThat(nullChannel.status()).isEqualTo(400);
    assertThat(jdbc.queryForObject("select count(*) from notification_preference where user_id = 'sales2'",
        Long.class)).isZero();
    assertThat(Api.as(rest, "sales2").get("/api/subscriptions").json()).isEmpty();
    var badTemplate = Api.as(rest, "admin").put("/api/message-templates/DEAL_WON/EMAIL", Map.of(
        "subject", "Won {{dealTitel}}", "body", "x"));
    assertThat(badTemplate.status()).isEqualTo(400);
    assertThat(badTemplate.body()).contains("dealTitel");
    assertThat(Api.as(rest, "sales").put("/api/message-templates/DEAL_WON/EMAIL", Map.of("body", "x")).status())
        .isEqualTo(403);
  }
}
