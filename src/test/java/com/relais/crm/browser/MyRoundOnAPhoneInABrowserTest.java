package com.relais.crm.browser;

import static com.relais.crm.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.relais.crm.Api;
import com.relais.crm.DealDriver;
import com.relais.crm.HttpTest;
import com.relais.crm.routing.CourierRounds;
import com.relais.crm.routing.RoundsForTests;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * "My round" on a courier's phone (issue 20), in Debian's Chromium at 390 x 844: the day's rounds planned and
 * approved by the dispatcher over HTTP, the courier logs in, opens /round and finds the stops in the order the plan
 * gives them; they tap the first stop's "Sign the reception on this phone", the on-site reception page opens, the
 * customer types their name and accepts, and the deal's delivery is received. Screenshots go to target/screenshots.
 */
@HttpTest
class MyRoundOnAPhoneInABrowserTest {
  @LocalServerPort int port;
  @Autowired TestRestTemplate rest;
  @Autowired DealDriver deals;
  @Autowired TaskService taskService;
  @Autowired CourierRounds courierRounds;
  @Autowired Clock clock;

  private final String run = UUID.randomUUID().toString().substring(0, 8);
  private ChromeDriver browser;

  @BeforeAll
  static void chromiumIsThere() {
    Chromium.assumeAvailable();
  }

  @AfterEach
  void close() {
    if (browser != null) {
      browser.quit();
    }
    deals.awaitQuietEngine();
  }

  @Test
  void theCourierFollowsTheirRoundAndTheCustomerSignsTheReceptionOnThePhone() throws Exception {
    RoundsForTests rounds = new RoundsForTests(rest, deals, taskService);
    // near the default depot (45.75, 4.85): well within the courier's shift
    rounds.dealAtReception("Brotteaux " + run, "3 place Jules Ferry, Lyon", 45.7665, 4.8605);
    rounds.dealAtReception("Guillotière " + run, "8 place Gabriel Péri, Lyon", 45.7530, 4.8425);
    rounds.dealAtReception("Fourvière " + run, "1 place de Fourvière, Lyon", 45.7622, 4.8226);

    // today, as /round shows it without a day; a day that was planned already (the working-day timer, a database
    // kept from an earlier run) cannot be planned again (409), so the round of another day is opened then
    String day = courierRounds.today(clock.instant()).toString();
    String page = "/round";
    var requested = rounds.request(day);
    if (requested.status() == 409) {
      day = LocalDate.of(2070, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(3000)).toString();
      page = "/round?day=" + day;
      requested = rounds.request(day);
    }
    assertThat(requested.status()).as(requested.body()).isEqualTo(202);
    rounds.awaitProposed(day);
    JsonNode plan = rounds.decide(day, true);
    JsonNode round = RoundsForTests.roundOf(plan, "courier");
    assertThat(round).as("the courier has a round: " + plan).isNotNull();
    List<String> planned = new ArrayList<>();
    round.path("stops").forEach(stop -> planned.add(stop.path("customerName").asText()));
    assertThat(planned).contains("Brotteaux " + run, "Guillotière " + run, "Fourvière " + run);

    browser = Chromium.phone();
    StaffAppBrowser.logIn(browser, port, "courier");
    browser.get(StaffAppBrowser.url(port, page));
    StaffAppBrowser.waiting(browser).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("ol.stops")));
    List<String> shown = browser.findElements(By.cssSelector("ol.stops li.stop a.title")).stream()
        .map(WebElement::getText).map(String::strip).toList();
    assertThat(shown).as("the stops in the planned order").containsExactlyElementsOf(planned);
    assertThat((Long) browser.executeScript("return document.documentElement.scrollWidth"))
        .as("nothing spills sideways").isLessThanOrEqualTo(390L);
    StaffAppBrowser.screenshot(browser, "staff-round-phone");

    // the first stop: its button opens the on-site reception, where the customer signs
    JsonNode first = round.path("stops").path(0);
    long deal = first.path("opportunityId").asLong();
    WebElement sign = browser.findElement(By.cssSelector("ol.stops li.stop:first-child form button[type=submit]"));
    assertThat(sign.getSize().getHeight()).as("a thumb's touch target").isGreaterThanOrEqualTo(44);
    StaffAppBrowser.tap(browser, sign);
    StaffAppBrowser.waiting(browser).until(ExpectedConditions.urlContains("/public/reception/"));
    StaffAppBrowser.waiting(browser).until(ExpectedConditions.presenceOfElementLocated(By.id("name")));
    StaffAppBrowser.screenshot(browser, "staff-round-reception-phone");
    browser.findElement(By.id("name")).sendKeys(first.path("customerName").asText());
    StaffAppBrowser.tap(browser, browser.findElement(By.cssSelector("input[name=outcome][value=POSITIVE]")));
    StaffAppBrowser.tap(browser, browser.findElement(By.cssSelector("form button[type=submit]")));
    StaffAppBrowser.waiting(browser).until(driver -> driver.findElement(By.tagName("body")).getText()
        .contains("Thank you"));

    Api logistics = Api.as(rest, "logistics");
    JsonNode delivery = eventually(() -> logistics.get("/api/opportunities/" + deal + "/delivery").json(),
        d -> "DELIVERY_7_RECEIVED".equals(d.path("stage").asText()));
    assertThat(delivery.path("stage").asText()).isEqualTo("DELIVERY_7_RECEIVED");
  }
}
