package com.relais.crm.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.relais.crm.Api;
import com.relais.crm.DealDriver;
import com.relais.crm.HttpTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.ElementNotInteractableException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Tasklist, Cockpit and Admin in Debian's Chromium, as sales, logistics and managers meet them every day: logging in
 * on the first try, whose deal a card is, dates, comments, the delivery note, a task's customer, a deal's story in
 * Cockpit, a phone.
 * Screenshots go to target/screenshots.
 */
@HttpTest
class WebappsInABrowserTest {
  private static final Duration WAIT = Duration.ofSeconds(45);
  private static final Path SCREENSHOTS = Path.of("target", "screenshots");

  @LocalServerPort int port;
  @Autowired DealDriver deals;
  @Autowired TestRestTemplate rest;
  @Autowired org.camunda.bpm.engine.IdentityService identityService;

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
  }

  private WebDriverWait waiting() {
    return new WebDriverWait(browser, WAIT);
  }

  private void logIn(String app, String user) {
    browser.get("http://localhost:" + port + "/camunda/app/" + app + "/default/");
    waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[type=password]")));
    browser.findElement(By.cssSelector("input[type=text]")).sendKeys(user);
    WebElement password = browser.findElement(By.cssSelector("input[type=password]"));
    password.sendKeys(user);
    // the login form's own button: the dashboard behind it may hold other submit buttons (the deal-story search)
    password.findElement(By.xpath("./ancestor::form//button[@type='submit']")).click();
    waiting().until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("input[type=password]")));
  }

  /** What the page asked for that was answered 401 (a challenge would have opened the password dialog). */
  @SuppressWarnings("unchecked")
  private List<String> refusedRequests() {
    return (List<String>) browser.executeScript("return performance.getEntriesByType('resource')"
        + ".filter(e => e.responseStatus === 401).map(e => e.name)");
  }

  private void screenshot(String name) throws Exception {
    Files.createDirectories(SCREENSHOTS);
    Files.write(SCREENSHOTS.resolve(name + ".png"), browser.getScreenshotAs(OutputType.BYTES));
  }

  /** A filter of the list; the list is redrawn while Tasklist loads, so an element gone stale is looked up again. */
  private WebElement filter(String name) {
    return waiting().ignoring(StaleElementReferenceException.class).until(driver -> driver.findElements(
        By.cssSelector(".task-filters .task-filter")).stream().filter(e -> e.getText().startsWith(name)).findFirst()
        .orElse(null));
  }

  private WebElement card(String customer) {
    return waiting().ignoring(StaleElementReferenceException.class).until(driver -> driver.findElements(
        By.cssSelector("li.task")).stream().filter(e -> e.getText().contains(customer)).findFirst().orElse(null));
  }

  /**
   * Clicks once the element takes the click: found again while the page redraws it (stale), tried again while it is
   * still appearing or covered (not interactable, e.g. during a popup's opening animation).
   */
  private void click(java.util.function.Supplier<WebElement> element) {
    waiting().ignoring(StaleElementReferenceException.class).ignoring(ElementNotInteractableException.class)
        .until(driver -> {
          element.get().click();
          return true;
        });
  }

  /** Opens the task of this customer's deal from "My group", claims it, and waits for its form. */
  private void openAndClaim(String customer) {
    click(() -> filter("My group"));
    click(() -> card(customer).findElement(By.cssSelector("h4 a")));
    WebElement claim = waiting().until(ExpectedConditions.elementToBeClickable(By.cssSelector("button.claim")));
    claim.click();
    waiting().until(ExpectedConditions.elementToBeClickable(By.xpath("//button[normalize-space()='Complete']")));
  }

  @Test
  void salesLogisticsAManagerAndAnAdminLogInOnTheFirstTryWithNoPasswordChallenge() throws Exception {
    for (String[] login : new String[][] {{"tasklist", "sales"}, {"tasklist", "logistics"}, {"cockpit", "manager"},
        {"admin", "admin"}}) {
      browser = Chromium.desktop();
      logIn(login[0], login[1]);
      assertThat(browser.findElements(By.cssSelector("[cam-widget-header]"))).as("%s as %s", login[0], login[1])
          .isNotEmpty();
      assertThat(refusedRequests()).as("401 answers in %s for %s", login[0], login[1]).isEmpty();
      assertThat(browser.findElements(By.cssSelector(".ce-eol-banner")).stream().filter(WebElement::isDisplayed))
          .as("the Camunda 8 banner is not shown to staff").isEmpty();
      screenshot(login[0] + "-" + login[1]);
      browser.quit();
      browser = null;
    }
  }

  @Test
  void aCardInMyGroupSaysWhoseDealItIsForSales() throws Exception {
    long deal = deals.openDeal("Card Shows Me SARL", "8400");
    browser = Chromium.desktop();
    logIn("tasklist", "sales");
    click(() -> filter("My group"));
    String text = card("Card Shows Me SARL").getText();
    assertThat(text).contains("Qualify the prospect",
        "Card Shows Me SARL · Deal with Card Shows Me SARL · 8400.00 EUR");
    screenshot("tasklist-card-sales");
    assertThat(deal).isPositive();
  }

  @Test
  void aFollowUpDateSetInTasklistPutsTheTaskInPending() throws Exception {
    long deal = deals.openDeal("Follow Up Browser SA", "1000");
    browser = Chromium.desktop();
    logIn("tasklist", "sales");
    click(() -> filter("My group"));
    click(() -> card("Follow Up Browser SA").findElement(By.cssSelector("h4 a")));
    waiting().until(driver -> driver.findElements(By.xpath("//*[contains(text(),'Set follow-up date')]")).stream()
        .filter(WebElement::isDisplayed).findFirst().orElse(null)).click();
    // the date picker opens with an animation; CI once clicked its arrow before it took clicks
    click(() -> browser.findElement(By.cssSelector(".datepicker .uib-right")));
    click(() -> browser.findElements(By.cssSelector(".datepicker td button")).stream()
        .filter(b -> b.getText().strip().equals("15")).findFirst()
        .orElseThrow(() -> new org.openqa.selenium.NoSuchElementException("the month's 15th, not drawn yet")));
    click(() -> browser.findElement(By.cssSelector(".datepicker-control .glyphicon-ok")));

    waiting().until(driver -> Api.as(rest, "sales").get("/engine-rest/task?processInstanceBusinessKey=" + deal)
        .json().get(0).path("followUp").isTextual());
    assertThat(refusedRequests()).isEmpty();
    click(() -> filter("Pending"));
    card("Follow Up Browser SA");
    screenshot("tasklist-pending");
  }

  @Test
  void aTooLongCommentIsSaidInTheFormAndTheTaskStaysOpen() throws Exception {
    long deal = deals.openDeal("Long Comment Browser SAS", "1000");
    browser = Chromium.desktop();
    logIn("tasklist", "sales");
    openAndClaim("Long Comment Browser SAS");
    WebElement comment = browser.findElement(By.cssSelector("textarea.fjs-textarea"));
    browser.executeScript("arguments[0].focus();", comment);
    comment.sendKeys("x".repeat(4001));
    browser.findElement(By.xpath("//button[normalize-space()='Complete']")).click();

    WebElement error = waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".fjs-form-field-error")));
    assertThat(error.getText()).contains("4000");
    screenshot("tasklist-long-comment");
    assertThat(Api.as(rest, "sales").get("/engine-rest/task?processInstanceBusinessKey=" + deal
        + "&taskDefinitionKey=userTask_qualifyProspect").json()).hasSize(1);
  }

  @Test
  void aStagesCommentIsKeptAndTheNextFormOpensEmpty() throws Exception {
    long deal = deals.openDeal("Comment Browser GmbH", "1000");
    browser = Chromium.desktop();
    logIn("tasklist", "sales");
    openAndClaim("Comment Browser GmbH");
    browser.findElement(By.cssSelector("textarea.fjs-textarea")).sendKeys("Budget confirmed on the phone");
    browser.findElement(By.xpath("//button[normalize-space()='Complete']")).click();
    waiting().until(driver -> Api.as(rest, "sales").get("/engine-rest/task?processInstanceBusinessKey=" + deal
        + "&taskDefinitionKey=userTask_prepareProposal").json().size() == 1);

    browser.get("http://localhost:" + port + "/camunda/app/tasklist/default/");
    openAndClaim("Comment Browser GmbH");
    assertThat(browser.findElement(By.cssSelector("[cam-tasklist-task]")).getText()).contains("Prepare");
    assertThat(browser.findElement(By.cssSelector("textarea.fjs-textarea")).getAttribute("value")).isEmpty();

    JsonNode comments = Api.as(rest, "sales").get("/api/opportunities/" + deal).json().path("comments");
    assertThat(comments.get(0).path("comment").asText()).isEqualTo("Budget confirmed on the phone");
    assertThat(comments.get(0).path("stage").asText()).isEqualTo("SALE_1_PROSPECT");
  }

  @Test
  void theDeliveryNoteOpensFromItsTask() throws Exception {
    long deal = deals.openDeal("Note Browser SA", "1000");
    deals.complete(deal, "userTask_qualifyProspect", Map.of("saleOutcome", "OPEN"));
    deals.complete(deal, "userTask_prepareProposal", Map.of("saleOutcome", "OPEN"));
    deals.complete(deal, "userTask_followUpProposal", Map.of("saleOutcome", "OPEN"));
    deals.complete(deal, "userTask_negotiate", Map.of("saleOutcome", "WON", "transport", "EXTERNAL"));
    browser = Chromium.desktop();
    logIn("tasklist", "sales");
    click(() -> filter("My group"));
    click(() -> card("Note Browser SA").findElement(By.cssSelector("h4 a")));
    WebElement link = waiting().until(ExpectedConditions.visibilityOfElementLocated(By.linkText("open the PDF")));
    String href = link.getAttribute("href");
    assertThat(href).matches(".*/api/documents/\\d+/content");
    Object answer = browser.executeAsyncScript("const done = arguments[arguments.length - 1];"
        + "fetch(arguments[0]).then(r => done(r.status + ' ' + r.headers.get('content-type')))", href);
    assertThat(answer).isEqualTo("200 application/pdf");
    screenshot("tasklist-delivery-note");
  }

  @Test
  void theCustomerTabShowsWhomADealsTaskIsForWithTheirLastExchange() throws Exception {
    long deal = deals.openDeal("Customer Tab SARL", "2600");
    long customer = Api.as(rest, "sales").get("/api/opportunities/" + deal).json().path("customerId").asLong();
    var logged = Api.as(rest, "sales").post("/api/communications", Map.of("type", "CALL",
        "subject", "Asked when the forklift can come", "start", "2026-11-02T10:00:00Z", "customerId", customer,
        "status", "DONE"));
    assertThat(logged.status()).as(logged.body()).isEqualTo(201);

    browser = Chromium.desktop();
    logIn("tasklist", "sales");
    click(() -> filter("My group"));
    click(() -> card("Customer Tab SARL").findElement(By.cssSelector("h4 a")));
    // the form stays the first tab; "Customer" comes after Camunda's own
    click(() -> waiting().until(driver -> driver.findElements(By.cssSelector(".tabbed-content .nav-tabs a")).stream()
        .filter(link -> link.getText().strip().equals("Customer")).findFirst().orElse(null)));
    // once loaded, whatever it shows: a refusal fails here with its sentence rather than as a timeout
    WebElement tab = waiting().until(ExpectedConditions.visibilityOfElementLocated(
        By.cssSelector(".relais-customer:not([data-state='loading'])")));
    assertThat(tab.getAttribute("data-state")).as(tab.getText()).isEqualTo("shown");
    assertThat(tab.getText()).contains("Customer Tab SARL", "PROSPECT", "Asked when the forklift can come");
    assertThat(tab.findElement(By.cssSelector("a.relais-customer-page")).getAttribute("href"))
        .endsWith("/customers/" + customer);
    assertThat(tab.findElement(By.cssSelector("a.relais-deal-page")).getAttribute("href")).endsWith("/deals/" + deal);
    assertThat(refusedRequests()).isEmpty();
    screenshot("tasklist-customer-tab");
  }

  @Test
  void aManagerFollowsADealsWholeStoryFromCockpit() throws Exception {
    long deal = deals.openDeal("Story Teller SA", "5000");
    deals.winDeal(deal, "INTERNAL", true);
    browser = Chromium.desktop();
    logIn("cockpit", "manager");
    WebElement key = waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("relais-deal-key")));
    key.sendKeys(Long.toString(deal));
    browser.findElement(By.cssSelector(".relais-find-deal button")).click();
    WebElement story = waiting().until(driver -> {
      WebElement found = driver.findElement(By.cssSelector(".relais-story"));
      return found.getText().contains("Sale (completed)") ? found : null;
    });
    assertThat(story.getText()).contains("Delivery (running)", "Qualify the prospect", "Negotiate and close");
    screenshot("cockpit-deal-story");

    story.findElement(By.cssSelector("a.relais-open")).click();
    WebElement tab = waiting().until(driver -> driver.findElements(By.xpath("//*[normalize-space()='Deal story']"))
        .stream().filter(WebElement::isDisplayed).findFirst().orElse(null));
    tab.click();
    waiting().until(driver -> driver.findElements(By.cssSelector(".relais-instance")).size() >= 2);
  }

  @Test
  void aManagerSeesThePipelineOnCockpitsDashboard() throws Exception {
    // a deal of the manager's team (sales), so the pipeline has a prospect to show
    deals.openDeal("Dashboard Viewer SARL", "4200");
    browser = Chromium.desktop();
    logIn("cockpit", "manager");
    WebElement board = waiting().until(driver -> driver.findElements(By.id("relais-dashboard")).stream()
        .filter(WebElement::isDisplayed).findFirst().orElse(null));
    assertThat(board.getText()).contains("Pipeline and deals at risk", "SALE_1_PROSPECT", "Overdue tasks per team",
        "sales-team");
    screenshot("cockpit-manager-dashboard");
  }

  /** A member of staff of a team of this test's own, password = id. */
  private String staffMember(String prefix, String group) {
    String id = prefix + java.util.UUID.randomUUID().toString().substring(0, 6);
    var user = identityService.newUser(id);
    user.setFirstName(prefix.equals("cm") ? "Camille" : "Morgan");
    user.setLastName("Browser");
    user.setPassword(id);
    identityService.saveUser(user);
    identityService.createMembership(id, group);
    return id;
  }

  /** The next weekday without a contact plan. */
  private java.time.LocalDate freeWorkingDay() {
    java.time.LocalDate day = java.time.LocalDate.now(java.time.ZoneId.of("Europe/Paris"));
    do {
      day = day.plusDays(1);
    } while (day.getDayOfWeek().getValue() > 5
        || Api.as(rest, "admin").get("/api/contact-plans/" + day).status() != 404);
    return day;
  }

  @Test
  void aManagerSeesTheTeamsContactsAndAMemberRecordsOneInTasklist() throws Exception {
    String member = staffMember("cm", "sales");
    String lead = staffMember("ml", "managers");
    assertThat(Api.as(rest, "admin").post("/api/teams", Map.of("name", "Browser team " + member, "managerId", lead,
        "memberIds", List.of(member))).status()).isEqualTo(201);
    String name = "Contact Browser " + member;
    long customer = Api.as(rest, member).post("/api/customers", Api.customer(name)).json().path("id").asLong();
    java.time.LocalDate day = freeWorkingDay();
    assertThat(Api.as(rest, member).post("/api/customers/" + customer + "/plan-items", Map.of("title",
        "Confirm the tasting", "kind", "CALL", "dueOn", day.toString())).status()).isEqualTo(201);
    assertThat(Api.as(rest, lead).post("/api/contact-plans", Map.of("date", day.toString())).status())
        .isEqualTo(201);
    waiting().until(driver -> {
      for (JsonNode entry : Api.as(rest, member).get("/api/contact-plans/" + day).json().path("entries")) {
        if (entry.path("customerId").asLong() == customer && entry.path("taskId").isTextual()) {
          return true;
        }
      }
      return false;
    });

    // the manager, in the morning: the team's contacts, whose and why
    browser = Chromium.desktop();
    logIn("tasklist", lead);
    click(() -> filter("My team's contacts"));
    assertThat(card(name).getText()).contains("Contact the customer",
        name + " · Planned for today: Confirm the tasting");
    screenshot("tasklist-team-contacts");
    browser.quit();

    // the member records the result in the form
    browser = Chromium.desktop();
    logIn("tasklist", member);
    click(() -> filter("My tasks"));
    click(() -> card(name).findElement(By.cssSelector("h4 a")));
    waiting().until(ExpectedConditions.elementToBeClickable(By.xpath("//button[normalize-space()='Complete']")));
    assertThat(browser.findElement(By.cssSelector("[cam-tasklist-task]")).getText()).contains("Why today");
    WebElement outcome = waiting().until(driver -> driver.findElements(By.cssSelector(".fjs-form-field-select"))
        .stream().filter(f -> f.getText().contains("Outcome")).findFirst().orElse(null));
    outcome.findElement(By.cssSelector(".fjs-input-group")).click();
    waiting().until(driver -> driver.findElements(By.cssSelector(".fjs-dropdownlist-item")).stream()
        .filter(item -> item.getText().strip().equals("Reached")).findFirst().orElse(null)).click();
    browser.findElement(By.cssSelector("textarea[id$='field_contactNote']"))
        .sendKeys("Tasting confirmed for Friday");
    screenshot("tasklist-contact-form");
    browser.findElement(By.xpath("//button[normalize-space()='Complete']")).click();

    JsonNode entry = waiting().until(driver -> {
      for (JsonNode e : Api.as(rest, member).get("/api/contact-plans/" + day).json().path("entries")) {
        if (e.path("customerId").asLong() == customer && "DONE".equals(e.path("status").asText())) {
          return e;
        }
      }
      return null;
    });
    assertThat(entry.path("outcome").asText()).isEqualTo("REACHED");
    assertThat(Api.as(rest, member).get("/api/communications?customerId=" + customer).json().toString())
        .contains("Tasting confirmed for Friday");
  }

  @Test
  void onAPhoneTheTasksComeBeforeTheFilterList() throws Exception {
    deals.openDeal("Phone First SARL", "1000");
    browser = Chromium.phone();
    logIn("tasklist", "sales");
    click(() -> filter("My group"));
    card("Phone First SARL");
    int tasks = browser.findElement(By.cssSelector("section.tasks-list")).getRect().getY();
    int filters = browser.findElement(By.cssSelector("section.task-filters")).getRect().getY();
    assertThat(tasks).isLessThan(filters);
    screenshot("tasklist-phone");
  }
}
