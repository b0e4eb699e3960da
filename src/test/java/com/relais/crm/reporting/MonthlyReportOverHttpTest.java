package com.relais.crm.reporting;

import static com.relais.crm.Eventually.eventually;
import static com.relais.crm.Eventually.eventuallyTrue;
import static org.assertj.core.api.Assertions.assertThat;

import com.relais.crm.Api;
import com.relais.crm.StaffForTests;
import com.relais.crm.DealDriver;
import com.relais.crm.HttpTest;
import com.relais.crm.messaging.MailSink;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Last month's report over HTTP: deals won and lost (their closing moved into last month in the stage history), a
 * manager asks for the report, the PDF shows the month, the deals won and the revenue, a salesperson's results;
 * a manager is mailed once, even when the month is built again. Each run has a salesperson and a manager of its
 * own, so a database kept between runs (with reports of the same month) changes nothing asserted here.
 */
@HttpTest
class MonthlyReportOverHttpTest {
  @Autowired TestRestTemplate rest;
  @Autowired DealDriver deals;
  @Autowired JdbcTemplate jdbc;
  @Autowired IdentityService identityService;
  @Autowired HistoryService historyService;
  @Autowired MailSink mail;
  @Autowired ReportMonths months;

  private final String run = UUID.randomUUID().toString().substring(0, 6);
  private final String seller = "ms" + run;
  private final String boss = "mm" + run;
  private final String bossAddress = boss + "@relais.example";

  private void user(String id, String group, String email) {
    StaffForTests.user(identityService, id, group, email);
  }


  /** Moves the deal's closing (won or lost) to this moment in its stage history. */
  private void closedAt(long dealId, Timestamp at) {
    assertThat(jdbc.update("update stage_change set changed_at = ? where opportunity_id = ?"
        + " and to_stage in ('SALE_6_WON', 'SALE_LOST')", at, dealId)).isEqualTo(1);
  }

  private long finishedReports(YearMonth month) {
    return historyService.createHistoricProcessInstanceQuery().processDefinitionKey("monthly-report")
        .processInstanceBusinessKey(month.toString()).finished().count();
  }

  private List<MailSink.ReceivedMail> reportMailsTo(String address, YearMonth month) {
    return mail.received().stream().filter(m -> m.to().contains(address) && m.subject() != null
        && m.subject().contains("monthly report " + month)).toList();
  }

  private ResponseEntity<byte[]> download(String path) {
    HttpHeaders headers = new HttpHeaders();
    headers.setAccept(List.of(MediaType.APPLICATION_PDF));
    return rest.withBasicAuth("manager", "manager").exchange(path, HttpMethod.GET, new HttpEntity<>(headers),
        byte[].class);
  }

  private static String amount(BigDecimal value) {
    return value.setScale(2, RoundingMode.HALF_UP).toPlainString();
  }

  @Test
  void lastMonthsReportShowsItsDealsAndMailsEachManagerOnce() throws Exception {
    user(seller, "sales", null);
    user(boss, "managers", bossAddress);
    YearMonth month = months.justEnded();
    Timestamp inTheMonth = Timestamp.from(months.start(month).plus(Duration.ofDays(10)));
    long first = deals.openDeal("Monthly A " + run, "1000.00", seller);
    deals.winDeal(first, "EXTERNAL", true);
    long second = deals.openDeal("Monthly B " + run, "500.50", seller);
    deals.winDeal(second, "EXTERNAL", true);
    long lost = deals.openDeal("Monthly C " + run, "300.00", seller);
    deals.complete(lost, "userTask_qualifyProspect", Map.of("saleOutcome", "LOST"));
    for (long deal : List.of(first, second, lost)) {
      closedAt(deal, inTheMonth);
    }
    // the month's totals, whatever else a kept database holds for it
    Timestamp from = Timestamp.from(months.start(month));
    Timestamp to = Timestamp.from(months.end(month));
    String wonInTheMonth = " from stage_change c join opportunity o on o.id = c.opportunity_id"
        + " where c.to_stage = 'SALE_6_WON' and c.changed_at >= ? and c.changed_at < ?";
    Long wonCount = jdbc.queryForObject("select count(*)" + wonInTheMonth, Long.class, from, to);
    BigDecimal revenue = jdbc.queryForObject("select coalesce(sum(o.amount), 0)" + wonInTheMonth, BigDecimal.class,
        from, to);

    long reportsBefore = finishedReports(month);
    Api manager = Api.as(rest, "manager");
    var asked = manager.post("/api/reports/monthly?month=" + month, null);
    assertThat(asked.status()).as(asked.body()).isEqualTo(202);
    assertThat(asked.json().path("month").asText()).isEqualTo(month.toString());
    assertThat(asked.json().path("status").asText()).isIn("REQUESTED", "REBUILDING");
    eventuallyTrue(() -> finishedReports(month) >= reportsBefore + 1);

    ResponseEntity<byte[]> pdf = download("/api/reports/monthly/" + month);
    assertThat(pdf.getStatusCode().value()).isEqualTo(200);
    assertThat(pdf.getHeaders().getContentType().toString()).startsWith("application/pdf");
    assertThat(pdf.getHeaders().getContentDisposition().getFilename()).isEqualTo("relais-report-" + month + ".pdf");
    String text = new PDFTextStripper().getText(Loader.loadPDF(pdf.getBody())).replaceAll("\\s+", " ");
    assertThat(text).contains("monthly report " + month)
        .contains("Deals won " + wonCount + " " + amount(revenue))
        .contains("Revenue (deals won) " + amount(revenue))
        .contains(seller + " 2 1500.50");
    assertThat(manager.get("/api/reports/monthly").json().findValuesAsText("month")).contains(month.toString());

    // one mail for the month: the key figures and the link to the PDF, not the PDF itself
    List<MailSink.ReceivedMail> mails = eventually(() -> reportMailsTo(bossAddress, month), m -> !m.isEmpty());
    assertThat(mails).hasSize(1);
    assertThat(mails.get(0).text()).contains("Deals won: " + wonCount + ", " + amount(revenue))
        .contains("/api/reports/monthly/" + month);

    // built again on request: the report is replaced, nobody is mailed twice
    var again = manager.post("/api/reports/monthly?month=" + month, null);
    assertThat(again.status()).as(again.body()).isEqualTo(202);
    assertThat(again.json().path("status").asText()).isEqualTo("REBUILDING");
    eventuallyTrue(() -> finishedReports(month) >= reportsBefore + 2);
    assertThat(jdbc.queryForObject("select count(*) from outbox_message where recipient = ? and purpose = ?",
        Long.class, bossAddress, "monthly-report")).isEqualTo(1);
    assertThat(reportMailsTo(bossAddress, month)).hasSize(1);
  }

  @Test
  void aMonthMustBeWrittenYearDashMonthAndHaveEnded() {
    Api manager = Api.as(rest, "manager");
    for (String wrong : List.of("2026-13", "nov", "2026-5", "")) {
      var answer = manager.post("/api/reports/monthly?month=" + wrong, null);
      assertThat(answer.status()).as(wrong + ": " + answer.body()).isEqualTo(400);
      assertThat(answer.contentType()).startsWith("application/problem+json");
      assertThat(answer.json().path("errors").findValuesAsText("field")).containsExactly("month");
    }
    for (YearMonth notEnded : List.of(months.current(), months.current().plusMonths(1))) {
      var answer = manager.post("/api/reports/monthly?month=" + notEnded, null);
      assertThat(answer.status()).as(notEnded + ": " + answer.body()).isEqualTo(400);
      assertThat(answer.json().path("errors").findValuesAsText("field")).containsExactly("month");
    }

    assertThat(manager.get("/api/reports/monthly/1901-01").status()).isEqualTo(404);
    assertThat(manager.get("/api/reports/monthly/nov").status()).isEqualTo(400);
  }

  @Test
  void onlyManagersAndAdminsAskForReports() {
    YearMonth month = months.justEnded();
    assertThat(Api.as(rest, "sales").post("/api/reports/monthly?month=" + month, null).status()).isEqualTo(403);
    assertThat(Api.as(rest, "sales").get("/api/reports/monthly").status()).isEqualTo(403);
    assertThat(Api.as(rest, "sales").get("/api/reports/monthly/" + month).status()).isEqualTo(403);
    assertThat(Api.anonymous(rest).get("/api/reports/monthly").status()).isEqualTo(401);
    assertThat(Api.as(rest, "admin").get("/api/reports/monthly").status()).isEqualTo(200);
  }
}
