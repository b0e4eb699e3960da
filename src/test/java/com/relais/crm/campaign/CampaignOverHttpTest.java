package com.relais.crm.campaign;

import static com.relais.crm.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.relais.crm.Api;
import com.relais.crm.HttpTest;
import com.relais.crm.messaging.MailSink;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * A campaign from its audience to the mail server over SMTP: 200 customers of a category of the test's own, 50
 * without e-mail consent; a manager approves it in Tasklist terms; exactly the 150 receive it, merged, each with
 * the text in their history; the unsubscribe link withdraws a consent, a forged one changes nothing; a service
 * message reaches those who never said yes but not those who said no; a rejected campaign sends nothing.
 */
@HttpTest
class CampaignOverHttpTest {
  @Autowired TestRestTemplate rest;
  @Autowired MailSink mail;
  @Autowired TaskService taskService;
  @Autowired com.relais.crm.DealDriver deals;

  private final String run = UUID.randomUUID().toString().substring(0, 6);
  private final String category = "CAMP_" + run.toUpperCase().replace('-', '_');

  private List<Long> customers(int count, boolean consent, String prefix) {
    List<Long> ids = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      Map<String, Object> body = new HashMap<>();
      body.put("name", prefix + " " + i + " " + run);
      body.put("email", prefix.toLowerCase() + i + "." + run + "@example.com");
      body.put("category", category);
      body.put("acquisitionSource", "TRADE_SHOW");
      if (consent) {
        body.put("emailConsent", Map.of("granted", true, "source", "trade show form"));
      }
      var created = Api.as(rest, "sales").post("/api/customers", body);
      assertThat(created.status()).as(created.body()).isEqualTo(201);
      ids.add(created.json().path("id").asLong());
    }
    return ids;
  }

  private Map<String, Object> campaign(String name, String purpose, String text) {
    return Map.of("name", name + " " + run, "channel", "EMAIL", "purpose", purpose,
        "subject", "News for {{name}}", "text", text, "audience", Map.of("categories", List.of(category)));
  }

  private String approvalTask(long campaignId) {
    return eventually(() -> taskService.createTaskQuery().processInstanceBusinessKey("campaign-" + campaignId)
        .taskDefinitionKey("userTask_approveCampaign").singleResult(), java.util.Objects::nonNull).getId();
  }

  private Api.Response decide(String user, String taskId, boolean approved) {
    return Api.as(rest, user).post("/engine-rest/task/" + taskId + "/complete", Map.of("variables", Map.of(
        "campaignApproved", Map.of("value", approved), "decisionNote", Map.of("value", "ok"))));
  }

  private List<MailSink.ReceivedMail> mailsOf(String campaignName) {
    return mail.received().stream().filter(m -> m.text() != null && m.text().contains(campaignName)).toList();
  }

  @Test
  void aPromotionalCampaignReachesExactlyThoseWhoAgreedAndKeepsEachTextInTheirHistory() {
    assertThat(Api.as(rest, "admin").post("/api/customer-categories", Map.of("code", category, "label",
        "Campaign test " + run)).status()).isEqualTo(201);
    List<Long> agreed = customers(150, true, "Agreed");
    List<Long> silent = customers(50, false, "Silent");
    Api sales = Api.as(rest, "sales");

    // bad input first: nothing is created
    assertThat(sales.post("/api/campaigns", Map.of("name", "x", "channel", "EMAIL", "purpose", "PROMOTIONAL",
        "subject", "s", "text", "t", "audience", Map.of("categories", List.of("NO_SUCH")))).status()).isEqualTo(400);
    assertThat(sales.post("/api/campaigns", Map.of("name", "x", "channel", "EMAIL", "purpose", "PROMOTIONAL",
        "subject", "s", "text", "t", "audience", Map.of("acquisitionSources", List.of("PIGEON")))).status())
        .isEqualTo(400);
    var unknownField = sales.post("/api/campaigns", campaign("Bad", "PROMOTIONAL", "Dear {{nickname}}"));
    assertThat(unknownField.status()).isEqualTo(400);
    assertThat(unknownField.json().path("detail").asText()).contains("nickname");

    String text = "Dear {{name}}, our winter selection is in. Campaign Winter " + run + ".";
    var created = sales.post("/api/campaigns", campaign("Winter", "PROMOTIONAL", text));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    assertThat(created.json().path("status").asText()).isEqualTo("DRAFT");
    long id = created.json().path("id").asLong();

    JsonNode audience = sales.get("/api/campaigns/" + id + "/audience").json();
    assertThat(audience.path("count").asLong()).isEqualTo(150);
    assertThat(audience.path("excludedNoConsent").asLong()).isEqualTo(50);
    assertThat(audience.path("sample")).hasSize(10);

    // submitted: only a manager decides, in Tasklist; a draft no longer
    assertThat(sales.post("/api/campaigns/" + id + "/submit", Map.of()).json().path("status").asText())
        .isEqualTo("AWAITING_APPROVAL");
    String task = approvalTask(id);
    assertThat(taskService.getVariable(task, "audienceCount")).isEqualTo(150L);
    assertThat(taskService.getVariable(task, "renderedPreview").toString()).contains("News for Agreed");
    assertThat(decide("sales", task, true).status()).isEqualTo(403);
    assertThat(taskService.createTaskQuery().taskId(task).count()).isOne();
    assertThat(decide("manager", task, true).status()).isEqualTo(204);
    assertThat(sales.put("/api/campaigns/" + id, campaign("Winter", "PROMOTIONAL", text)).status()).isEqualTo(409);

    JsonNode sent = eventually(() -> sales.get("/api/campaigns/" + id).json(),
        c -> "SENT".equals(c.path("status").asText()));
    assertThat(sent.path("counts").path("sent").asLong()).isEqualTo(150);
    assertThat(sent.path("counts").path("excludedNoConsent").asLong()).isEqualTo(50);
    assertThat(sent.path("decidedBy").asText()).isEqualTo("manager");

    // exactly the 150, each merged with their own name, none twice
    List<MailSink.ReceivedMail> mails = eventually(() -> mailsOf("Campaign Winter " + run), m -> m.size() >= 150);
    assertThat(mails).hasSize(150);
    assertThat(mails.stream().map(m -> m.to().get(0)).distinct()).hasSize(150);
    assertThat(mails).allMatch(m -> m.text().contains("Dear Agreed ") && m.subject().startsWith("News for Agreed "));
    assertThat(mails).noneMatch(m -> m.to().get(0).startsWith("silent"));

    // the text is in each recipient's history, and in nobody else's
    assertThat(sales.get("/api/communications?customerId=" + agreed.get(7)).json().toString())
        .contains("Campaign Winter " + run, "Dear Agreed 7 " + run);
    assertThat(sales.get("/api/communications?customerId=" + silent.get(3)).json().toString())
        .doesNotContain("Campaign Winter");
    assertThat(sales.get("/api/customers/" + agreed.get(7) + "/timeline").json().toString())
        .contains("Campaign Winter " + run);

    // the unsubscribe link: no login, one click; a forged token changes nothing
    MailSink.ReceivedMail first = mails.get(0);
    Matcher link = Pattern.compile("(/public/unsubscribe\\?token=\\S+)").matcher(first.text());
    assertThat(link.find()).isTrue();
    String token = link.group(1).substring(link.group(1).indexOf('=') + 1);
    String forged = token.substring(0, token.length() - 2) + (token.endsWith("A") ? "BB" : "AA");
    var refused = rest.getForEntity("/public/unsubscribe?token=" + forged, String.class);
    assertThat(refused.getStatusCode().value()).isEqualTo(400);
    var page = rest.getForEntity(link.group(1), String.class);
    assertThat(page.getStatusCode().value()).isEqualTo(200);
    assertThat(page.getBody()).contains("You are unsubscribed");
    assertThat(rest.getForEntity(link.group(1), String.class).getBody()).contains("already unsubscribed");
    long optedOut = agreed.stream().filter(c -> !sales.get("/api/customers/" + c).json().path("emailConsent")
        .path("granted").asBoolean()).count();
    assertThat(optedOut).isOne();
    assertThat(sales.get("/api/campaigns/" + id).json().path("counts").path("optedOut").asLong()).isOne();
    assertThat(rest.getForEntity("/public/anything-else", String.class).getStatusCode().value()).isIn(401, 404);

    // the next promotional campaign skips who said no; a service message reaches the 50 who never said yes
    long next = sales.post("/api/campaigns", campaign("Spring", "PROMOTIONAL", "Spring {{name}}")).json()
        .path("id").asLong();
    assertThat(sales.get("/api/campaigns/" + next + "/audience").json().path("count").asLong()).isEqualTo(149);
    long service = sales.post("/api/campaigns", campaign("Closure", "INFORMATIONAL", "Closed on Monday, {{name}}"))
        .json().path("id").asLong();
    JsonNode serviceAudience = sales.get("/api/campaigns/" + service + "/audience").json();
    assertThat(serviceAudience.path("count").asLong()).isEqualTo(199);
    assertThat(serviceAudience.path("excludedNoConsent").asLong()).isOne();

    // what it brought: a recipient wins a deal after it; the campaign and the acquisition report say so
    long deal = sales.post("/api/opportunities", Map.of("customerId", agreed.get(11), "title", "Winter order",
        "amount", 4200, "currency", "EUR")).json().path("id").asLong();
    deals.winDeal(deal, "EXTERNAL", true);
    JsonNode results = sales.get("/api/campaigns/" + id).json().path("counts");
    assertThat(results.path("dealsWon").asLong()).isOne();
    assertThat(results.path("revenue").decimalValue()).isEqualByComparingTo("4200");
    String today = java.time.LocalDate.now(java.time.ZoneId.of("Europe/Paris")).toString();
    JsonNode report = sales.get("/api/reports/acquisition?from=" + today + "&to=" + today).json();
    JsonNode row = null;
    for (JsonNode r : report.path("byCampaign")) {
      if (r.path("campaignId").asLong() == id) {
        row = r;
      }
    }
    assertThat(row).isNotNull();
    assertThat(row.path("customers").asLong()).isEqualTo(150);
    assertThat(row.path("withADeal").asLong()).isOne();
    assertThat(row.path("won").asLong()).isOne();
    assertThat(row.path("conversion").decimalValue()).isEqualByComparingTo("0.0067");
    assertThat(report.path("bySource").toString()).contains("TRADE_SHOW");
    assertThat(Api.as(rest, "logistics").get("/api/reports/acquisition?from=" + today + "&to=" + today).status())
        .isEqualTo(403);
    assertThat(sales.get("/api/reports/acquisition?from=" + today + "&to=2000-01-01").status()).isEqualTo(400);

    // a rejected campaign sends nothing
    sales.post("/api/campaigns/" + next + "/submit", Map.of());
    assertThat(decide("manager", approvalTask(next), false).status()).isEqualTo(204);
    JsonNode rejected = sales.get("/api/campaigns/" + next).json();
    assertThat(rejected.path("status").asText()).isEqualTo("REJECTED");
    assertThat(rejected.path("counts").path("sent").asLong()).isZero();
    assertThat(sales.post("/api/campaigns/" + next + "/submit", Map.of()).status()).isEqualTo(409);
  }
}
