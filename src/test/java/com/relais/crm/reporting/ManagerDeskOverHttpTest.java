package com.relais.crm.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.relais.crm.Api;
import com.relais.crm.StaffForTests;
import com.relais.crm.DealDriver;
import com.relais.crm.HttpTest;
import com.relais.crm.customer.AcquisitionSource;
import com.relais.crm.customer.CustomerDetails;
import com.relais.crm.customer.CustomerService;
import com.relais.crm.opportunity.NewOpportunity;
import com.relais.crm.opportunity.OpportunityService;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * The manager's desk on deals with known stages, amounts, close dates and stage times: objectives for the team,
 * the forecast weighted by the DMN table, the deals at risk from the engine's history, and history in Cockpit.
 */
@HttpTest
class ManagerDeskOverHttpTest {
  @Autowired TestRestTemplate rest;
  @Autowired IdentityService identityService;
  @Autowired RepositoryService repositoryService;
  @Autowired CustomerService customers;
  @Autowired OpportunityService opportunities;
  @Autowired DealDriver deals;
  @Autowired StageTimes stageTimes;
  @Autowired org.camunda.bpm.engine.TaskService taskService;
  @Autowired ForecastSnapshots snapshots;
  @Autowired Forecast forecastService;

  private final String run = UUID.randomUUID().toString().substring(0, 6);
  private final String seller = "ds" + run;
  private final String manager = "dm" + run;
  private String tunedDeployment;

  @AfterEach
  void putBack() {
    // the process-coverage listener reads what it recorded when the test ends: nothing may still be running
    deals.awaitQuietEngine();
    ClockUtil.reset();
    stageTimes.forget();
    if (tunedDeployment != null) {
      repositoryService.deleteDeployment(tunedDeployment, true);
    }
  }

  private void user(String id, String group) {
    StaffForTests.user(identityService, id, group);
  }


  private long team() {
    user(seller, "sales");
    user(manager, "managers");
    var team = Api.as(rest, "admin").post("/api/teams", Map.of("name", "Desk team " + run, "managerId", manager,
        "memberIds", List.of(seller)));
    assertThat(team.status()).as(team.body()).isEqualTo(201);
    return team.json().path("id").asLong();
  }

  private long deal(String owner, String amount, LocalDate close) {
    var customer = customers.create(new CustomerDetails("Desk " + run + " " + amount, null, null, null, null,
        AcquisitionSource.REFERRAL, null, null, null, null));
    return opportunities.create(new NewOpportunity(customer.getId(), "Desk deal " + amount + " " + run,
        new BigDecimal(amount), "EUR", owner, close)).getId();
  }

  private static JsonNode month(JsonNode forecast, YearMonth month) {
    for (JsonNode row : forecast.path("months")) {
      if (month.toString().equals(row.path("month").asText())) {
        return row;
      }
    }
    throw new AssertionError("no month " + month + " in " + forecast);
  }

  @Test
  void theForecastWeighsTheTeamsPipelineByTheTableAndSetsWhatWasWonAgainstTheObjective() throws IOException {
    long teamId = team();
    YearMonth thisMonth = YearMonth.now(ZoneId.of("Europe/Paris"));
    YearMonth next = thisMonth.plusMonths(1);
    long prospect = deal(seller, "1000", next.atDay(10));
    long proposal = deal(seller, "2000", next.atDay(20));
    deals.complete(proposal, "userTask_qualifyProspect", Map.of("saleOutcome", "OPEN"));
    deals.complete(proposal, "userTask_prepareProposal", Map.of("saleOutcome", "OPEN"));
    // someone else's deal in the same month stays out of the team's figures
    deal("sales", "50000", next.atDay(5));
    long won = deal(seller, "3000", thisMonth.atDay(1));
    deals.winDeal(won, "INTERNAL", true);
    long lost = deal(seller, "400", null);
    deals.complete(lost, "userTask_qualifyProspect", Map.of("saleOutcome", "LOST"));
    // the prospect's first task, the seller's and a day late
    var late = deals.task(prospect, "userTask_qualifyProspect");
    taskService.setAssignee(late.getId(), seller);
    taskService.setDueDate(late.getId(), new Date(System.currentTimeMillis() - Duration.ofDays(1).toMillis()));

    // the dashboard of the team: its open deals by stage, one won and one lost, the late task
    JsonNode board = Api.as(rest, manager).get("/api/dashboard?teamId=" + teamId).json();
    JsonNode stages = board.path("pipeline");
    assertThat(stages).hasSize(2);
    assertThat(stages.get(0).path("stage").asText()).isEqualTo("SALE_1_PROSPECT");
    assertThat(stages.get(0).path("deals").asLong()).isEqualTo(1);
    assertThat(stages.get(0).path("amount").decimalValue()).isEqualByComparingTo("1000");
    assertThat(stages.get(1).path("stage").asText()).isEqualTo("SALE_3_PROPOSAL");
    assertThat(stages.get(1).path("amount").decimalValue()).isEqualByComparingTo("2000");
    assertThat(board.path("won").asLong()).isEqualTo(1);
    assertThat(board.path("lost").asLong()).isEqualTo(1);
    assertThat(board.path("winRate").asDouble()).isEqualTo(0.5);
    assertThat(board.path("overdueTasks")).hasSize(1);
    assertThat(board.path("overdueTasks").get(0).path("teamId").asLong()).isEqualTo(teamId);
    assertThat(board.path("overdueTasks").get(0).path("overdueTasks").asLong()).isEqualTo(1);

    Api boss = Api.as(rest, manager);
    var objective = boss.put("/api/objectives", Map.of("userId", seller, "period", thisMonth.toString(),
        "amountWon", 6000, "dealsWon", 2, "contacts", 40));
    assertThat(objective.status()).as(objective.body()).isEqualTo(200);
    assertThat(boss.get("/api/objectives?period=" + thisMonth + "&teamId=" + teamId).json().path("amountWon")
        .decimalValue()).isEqualByComparingTo("6000");

    JsonNode forecast = boss.get("/api/reports/forecast?from=" + thisMonth + "&to=" + next + "&teamId=" + teamId)
        .json();
    JsonNode coming = month(forecast, next);
    assertThat(coming.path("openDeals").asLong()).isEqualTo(2);
    assertThat(coming.path("pipeline").decimalValue()).isEqualByComparingTo("3000");
    // 1000 x 0.1 (prospect) + 2000 x 0.4 (proposal)
    assertThat(coming.path("weighted").decimalValue()).isEqualByComparingTo("900");
    JsonNode current = month(forecast, thisMonth);
    assertThat(current.path("won").decimalValue()).isEqualByComparingTo("3000");
    assertThat(current.path("wonDeals").asLong()).isEqualTo(1);
    assertThat(current.path("objective").decimalValue()).isEqualByComparingTo("6000");
    assertThat(current.path("attainment").asDouble()).isEqualTo(0.5);

    // this week's snapshot keeps the forecast as it stands (what forecast-snapshot.bpmn does every Monday)
    assertThat(snapshots.take(forecastService)).isPositive();

    // an analyst makes prospects likelier in the table: the next forecast follows, no Java changed
    String table;
    try (InputStream in = getClass().getResourceAsStream("/stage-probability.dmn")) {
      table = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    String tuned = table.replace("<outputEntry id=\"outputEntry_prospect_probability\">\n          <text>0.1</text>",
        "<outputEntry id=\"outputEntry_prospect_probability\">\n          <text>0.5</text>");
    assertThat(tuned).isNotEqualTo(table);
    tunedDeployment = repositoryService.createDeployment().name("tuned stage probabilities")
        .addString("stage-probability.dmn", tuned).deploy().getId();
    JsonNode retuned = boss.get("/api/reports/forecast?from=" + next + "&to=" + next + "&teamId=" + teamId).json();
    assertThat(month(retuned, next).path("weighted").decimalValue()).isEqualByComparingTo("1300");
    assertThat(retuned.path("stageProbabilities").path("SALE_1_PROSPECT").asDouble()).isEqualTo(0.5);
    // next month's row still shows what was forecast before it began: the snapshot taken with the old table
    assertThat(month(retuned, next).path("forecastAtStart").decimalValue()).isEqualByComparingTo("900");
    assertThat(month(retuned, next).path("accuracy").asDouble()).isZero();
  }

  @Test
  void aDealKeptInItsStageBeyondTheUsualTimeIsAtRiskUntilItMovesOn() {
    Date start = new Date();
    ClockUtil.setCurrentTime(start);
    List<Long> usual = new java.util.ArrayList<>();
    for (int i = 0; i < 6; i++) {
      long id = deal("sales", "100" + i, null);
      deals.complete(id, "userTask_qualifyProspect", Map.of("saleOutcome", "OPEN"));
      deals.complete(id, "userTask_prepareProposal", Map.of("saleOutcome", "OPEN"));
      usual.add(id);
    }
    // six follow-ups answered after an hour each: the stage's usual time (hours, not days: moving the engine's clock
    // days ahead would fire every other test's timers)
    ClockUtil.setCurrentTime(new Date(start.getTime() + Duration.ofHours(1).toMillis()));
    for (long id : usual) {
      deals.complete(id, "userTask_followUpProposal", Map.of("saleOutcome", "OPEN"));
    }
    long stuck = deal("sales", "7777", null);
    deals.complete(stuck, "userTask_qualifyProspect", Map.of("saleOutcome", "OPEN"));
    deals.complete(stuck, "userTask_prepareProposal", Map.of("saleOutcome", "OPEN"));
    ClockUtil.setCurrentTime(new Date(start.getTime() + Duration.ofHours(7).toMillis()));
    stageTimes.forget();

    JsonNode board = Api.as(rest, "admin").get("/api/dashboard").json();
    JsonNode atRisk = null;
    for (JsonNode deal : board.path("atRisk")) {
      if (deal.path("opportunityId").asLong() == stuck) {
        atRisk = deal;
      }
    }
    assertThat(atRisk).as(board.toString()).isNotNull();
    assertThat(atRisk.path("stage").asText()).isEqualTo("SALE_3_PROPOSAL");
    assertThat(atRisk.path("daysInStage").asDouble()).isGreaterThan(atRisk.path("p90Days").asDouble());
    assertThat(atRisk.path("cockpit").asText()).startsWith("/camunda/app/cockpit/").contains(
        atRisk.path("processInstanceId").asText());
    assertThat(board.path("stageTimes").toString()).contains("SALE_3_PROPOSAL");
    assertThat(board.path("pipeline").toString()).contains("SALE_3_PROPOSAL");
    // the six left the proposal stage in its usual time; they may be at risk in the next stage when other tests of
    // the shared context made negotiation look quick, but never for the stage they left
    for (JsonNode deal : board.path("atRisk")) {
      if (usual.contains(deal.path("opportunityId").asLong())) {
        assertThat(deal.path("stage").asText()).isNotEqualTo("SALE_3_PROPOSAL");
      }
    }

    deals.complete(stuck, "userTask_followUpProposal", Map.of("saleOutcome", "OPEN"));
    JsonNode after = Api.as(rest, "admin").get("/api/dashboard").json();
    after.path("atRisk").forEach(deal -> assertThat(deal.path("opportunityId").asLong()).isNotEqualTo(stuck));
  }

  @Test
  void aManagerSeesAFinishedDealsInstancesInTheHistoryAndSalesDoesNot() {
    long lost = deal("sales", "500", null);
    deals.complete(lost, "userTask_qualifyProspect", Map.of("saleOutcome", "LOST"));
    String query = "/engine-rest/history/process-instance?processInstanceBusinessKey=" + lost;
    JsonNode seen = Api.as(rest, "manager").get(query).json();
    assertThat(seen).hasSize(1);
    assertThat(seen.get(0).path("state").asText()).isEqualTo("COMPLETED");
    assertThat(Api.as(rest, "manager").get("/engine-rest/history/activity-instance?processInstanceId="
        + seen.get(0).path("id").asText()).json().size()).isGreaterThan(1);
    assertThat(Api.as(rest, "sales").get(query).json()).isEmpty();
  }

  @Test
  void badInputAndOtherPeoplesTeamsAreRefused() {
    long teamId = team();
    Api boss = Api.as(rest, manager);
    assertThat(boss.put("/api/objectives", Map.of("userId", "sales2", "period", "2026-12", "amountWon", 1,
        "dealsWon", 1, "contacts", 1)).status()).isEqualTo(403);
    assertThat(boss.put("/api/objectives", Map.of("userId", seller, "period", "2026-13", "amountWon", 1)).status())
        .isEqualTo(400);
    assertThat(boss.put("/api/objectives", Map.of("userId", seller, "period", "2026-12", "amountWon", -5)).status())
        .isEqualTo(400);
    assertThat(boss.get("/api/objectives?period=nov").status()).isEqualTo(400);
    assertThat(boss.get("/api/reports/forecast?from=2026-1").status()).isEqualTo(400);
    assertThat(boss.get("/api/reports/forecast?from=2026-12&to=2026-01").status()).isEqualTo(400);
    assertThat(boss.get("/api/dashboard?from=2026-12-01&to=2026-01-01").status()).isEqualTo(400);
    assertThat(Api.as(rest, "manager").get("/api/reports/forecast?teamId=" + teamId).status()).isEqualTo(403);
    assertThat(Api.as(rest, "sales").get("/api/dashboard").status()).isEqualTo(403);
    assertThat(Api.as(rest, "sales").get("/api/reports/forecast").status()).isEqualTo(403);
    assertThat(boss.get("/api/dashboard?teamId=" + teamId).status()).isEqualTo(200);
  }

  @Test
  void theCockpitDashboardScriptIsServedWithTheWebapp() {
    var config = rest.getForEntity("/camunda/app/cockpit/scripts/config.js", String.class);
    assertThat(config.getBody()).contains("scripts/relais-dashboard.js");
    var script = rest.getForEntity("/camunda/app/cockpit/scripts/relais-dashboard.js", String.class);
    assertThat(script.getStatusCode().value()).isEqualTo(200);
    assertThat(script.getBody()).contains("cockpit.dashboard", "/api/dashboard");
  }
}
