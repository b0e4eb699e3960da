package com.relais.crm.reporting;

import static com.relais.crm.Eventually.eventuallyTrue;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.relais.crm.Api;
import com.relais.crm.DealDriver;
import com.relais.crm.HttpTest;
import com.relais.crm.routing.RoundsForTests;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
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
 * The rounds' profitability in the monthly report (issue 20): in a month of its own, one day's rounds approved and
 * another day's refused; the month's report counts the approved plan only, and its rounds figures (rounds, stops,
 * km, minutes, transport cost, carried value, per courier and in all) are the sums of that plan's rounds as the
 * route-plan API shows them, in the report's JSON and in its PDF.
 *
 * <p>The month is picked at random among months with no plan at all (plans are refused before 2000, and every stop
 * waiting at the reception goes into every plan, so a month of its own is what makes the sums this test's).
 */
@HttpTest
class RoundsInTheMonthlyReportOverHttpTest {
  @Autowired TestRestTemplate rest;
  @Autowired DealDriver deals;
  @Autowired TaskService taskService;
  @Autowired HistoryService historyService;
  @Autowired JdbcTemplate jdbc;

  private final String run = UUID.randomUUID().toString().substring(0, 8);

  @AfterEach
  void quietEngine() {
    deals.awaitQuietEngine();
  }

  @Test
  void theReportCountsTheMonthsApprovedRoundsOnly() throws Exception {
    RoundsForTests rounds = new RoundsForTests(rest, deals, taskService);
    // near the default depot (45.75, 4.85), so that the courier's shift takes them
    rounds.dealAtReception("Perrache " + run, "2 cours de Verdun, Lyon", 45.7485, 4.8270);
    rounds.dealAtReception("Part-Dieu " + run, "5 place Beraudier, Lyon", 45.7606, 4.8595);

    YearMonth month = monthWithoutPlans();
    String approvedDay = month.atDay(10).toString();
    String refusedDay = month.atDay(20).toString();
    rounds.proposed(approvedDay);
    JsonNode approved = rounds.decide(approvedDay, true);
    rounds.proposed(refusedDay);
    JsonNode refused = rounds.decide(refusedDay, false);
    assertThat(approved.path("rounds")).as("the approved plan has rounds").isNotEmpty();
    assertThat(refused.path("rounds")).as("the refused plan has rounds too").isNotEmpty();

    // the approved plan's sums, as the route-plan API shows its rounds
    Sums expected = new Sums();
    Map<String, Sums> perCourier = new HashMap<>();
    for (JsonNode round : approved.path("rounds")) {
      expected.add(round);
      perCourier.computeIfAbsent(round.path("courier").asText(), c -> new Sums()).add(round);
    }

    long before = finishedReports(month);
    Api manager = Api.as(rest, "manager");
    var asked = manager.post("/api/reports/monthly?month=" + month, null);
    assertThat(asked.status()).as(asked.body()).isEqualTo(202);
    eventuallyTrue(() -> finishedReports(month) >= before + 1);

    var answer = manager.get("/api/reports/monthly/" + month + "/figures");
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    JsonNode figures = answer.json().path("rounds");
    assertThat(figures.path("plans").asLong()).as("the refused plan is not counted").isEqualTo(1);
    assertThat(figures.path("rounds").asLong()).isEqualTo(expected.rounds);
    assertThat(figures.path("stops").asLong()).isEqualTo(expected.stops);
    assertThat(figures.path("durationMinutes").asLong()).isEqualTo(expected.minutes);
    assertThat(figures.path("distanceKm").decimalValue()).isEqualByComparingTo(expected.km);
    assertThat(figures.path("transportCost").decimalValue()).isEqualByComparingTo(expected.cost);
    assertThat(figures.path("carriedValue").decimalValue()).isEqualByComparingTo(expected.value);
    assertThat(figures.path("costShare").decimalValue()).isEqualByComparingTo(
        expected.cost.divide(expected.value, 4, RoundingMode.HALF_UP));
    assertThat(figures.path("couriers")).hasSize(perCourier.size());
    for (JsonNode courier : figures.path("couriers")) {
      Sums theirs = perCourier.get(courier.path("courier").asText());
      assertThat(theirs).as("a courier of the approved plan: " + courier).isNotNull();
      assertThat(courier.path("stops").asLong()).isEqualTo(theirs.stops);
      assertThat(courier.path("distanceKm").decimalValue()).isEqualByComparingTo(theirs.km);
      assertThat(courier.path("transportCost").decimalValue()).isEqualByComparingTo(theirs.cost);
      assertThat(courier.path("carriedValue").decimalValue()).isEqualByComparingTo(theirs.value);
    }

    // the PDF shows the same, all couriers together on one line
    String text = new PDFTextStripper().getText(Loader.loadPDF(pdf(month))).replaceAll("\\s+", " ");
    assertThat(text).contains("Courier rounds (approved plans)")
        .contains("All couriers " + expected.rounds + " " + expected.stops + " " + amount(expected.km) + " "
            + amount(BigDecimal.valueOf(expected.minutes).divide(BigDecimal.valueOf(60), 2, RoundingMode.HALF_UP))
            + " " + amount(expected.cost) + " " + amount(expected.value));

    assertThat(manager.get("/api/reports/monthly/1901-01/figures").status()).isEqualTo(404);
    assertThat(manager.get("/api/reports/monthly/nov/figures").status()).isEqualTo(400);
    assertThat(Api.as(rest, "sales").get("/api/reports/monthly/" + month + "/figures").status()).isEqualTo(403);
  }

  /** What the rounds of a plan add up to. */
  private static final class Sums {
    long rounds;
    long stops;
    long minutes;
    BigDecimal km = BigDecimal.ZERO;
    BigDecimal cost = BigDecimal.ZERO;
    BigDecimal value = BigDecimal.ZERO;

    void add(JsonNode round) {
      rounds++;
      stops += round.path("stops").size();
      minutes += round.path("durationMinutes").asLong();
      km = km.add(round.path("distanceKm").decimalValue());
      cost = cost.add(round.path("transportCost").decimalValue());
      value = value.add(round.path("carriedValue").decimalValue());
    }
  }

  /** A month between 2000 and 2019 (years a plan may have) in which no day has a plan yet. */
  private YearMonth monthWithoutPlans() {
    for (int attempt = 0; attempt < 50; attempt++) {
      YearMonth month = YearMonth.of(2000 + ThreadLocalRandom.current().nextInt(20),
          1 + ThreadLocalRandom.current().nextInt(12));
      Long plans = jdbc.queryForObject("select count(*) from route_plan where plan_date >= ? and plan_date < ?",
          Long.class, java.sql.Date.valueOf(month.atDay(1)), java.sql.Date.valueOf(month.plusMonths(1).atDay(1)));
      if (plans == 0) {
        return month;
      }
    }
    throw new AssertionError("No month from 2000 to 2019 without a route plan");
  }

  private long finishedReports(YearMonth month) {
    return historyService.createHistoricProcessInstanceQuery().processDefinitionKey("monthly-report")
        .processInstanceBusinessKey(month.toString()).finished().count();
  }

  private byte[] pdf(YearMonth month) {
    HttpHeaders headers = new HttpHeaders();
    headers.setAccept(List.of(MediaType.APPLICATION_PDF));
    ResponseEntity<byte[]> answer = rest.withBasicAuth("manager", "manager").exchange(
        "/api/reports/monthly/" + month, HttpMethod.GET, new HttpEntity<>(headers), byte[].class);
    assertThat(answer.getStatusCode().value()).isEqualTo(200);
    return answer.getBody();
  }

  private static String amount(BigDecimal value) {
    return value.setScale(2, RoundingMode.HALF_UP).toPlainString();
  }
}
