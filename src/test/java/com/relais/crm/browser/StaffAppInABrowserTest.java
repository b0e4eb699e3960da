package com.relais.crm.browser;

import static com.relais.crm.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.relais.crm.Api;
import com.relais.crm.DealDriver;
import com.relais.crm.HttpTest;
import com.relais.crm.attachment.Uploads;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chromium.ChromiumNetworkConditions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The staff web app in Debian's Chromium, as a salesperson uses it at a desk and on a phone: log in, find a customer
 * by a word inside one of its PDFs, log a call, drop a file, follow a deal, open a task in Tasklist, log a call with
 * the network cut; what another user does not see; axe-core on the main pages. Screenshots go to target/screenshots.
 */
@HttpTest
class StaffAppInABrowserTest {
  @LocalServerPort int port;
  @Autowired TestRestTemplate rest;
  @Autowired DealDriver deals;

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

  private String url(String path) {
    return StaffAppBrowser.url(port, path);
  }

  private WebDriverWait waiting() {
    return StaffAppBrowser.waiting(browser);
  }

  private void logIn(String user) {
    StaffAppBrowser.logIn(browser, port, user);
  }

  private void screenshot(String name) throws Exception {
    StaffAppBrowser.screenshot(browser, name);
  }

  private long customer(String name) {
    return Api.as(rest, "sales").post("/api/customers", Api.customer(name)).json().get("id").asLong();
  }

  private long exchangesWithSubject(long customerId, String subject) {
    JsonNode page = Api.as(rest, "sales").get("/api/communications?customerId=" + customerId + "&size=200").json();
    long count = 0;
    for (JsonNode exchange : page.get("content")) {
      if (subject.equals(exchange.get("subject").asText())) {
        count++;
      }
    }
    return count;
  }

  private String timeline() {
    return browser.findElement(By.id("timeline-list")).getText();
  }

  /** Taps the type (a big button) and Save: the subject is filled with the type's own words, or typed over. */
  private void logExchange(String type, String subject) {
    tap(browser.findElement(By.cssSelector("label[for=type-" + type + "]")));
    WebElement field = browser.findElement(By.id("log-subject"));
    field.clear();
    field.sendKeys(subject);
    tap(browser.findElement(By.cssSelector("#log-form button[type=submit]")));
  }

  private void tap(WebElement element) {
    StaffAppBrowser.tap(browser, element);
  }

  private void search(String words) {
    WebElement box = browser.findElement(By.id("q"));
    box.clear();
    box.sendKeys(words, Keys.ENTER);
    waiting().until(ExpectedConditions.urlContains("/search"));
  }

  @Test
  void aSalespersonFindsACustomerByAWordInItsPdfLogsACallAndDropsAFile() throws Exception {
    long customerId = customer("Manutention Berthier");
    assertThat(Uploads.upload(rest, "sales", "customerId=" + customerId, "devis-2026-114.pdf",
        Uploads.pdf("Devis pour un transpalette gyroscopique"), "application/pdf").getStatusCode().value())
        .isEqualTo(201);
    // the text of a file is read in the background; the search finds it once read
    eventually(() -> Api.as(rest, "sales").get("/api/search?q=gyroscopique").json().at("/attachments").size(),
        found -> found > 0);

    browser = Chromium.desktop();
    logIn("sales");
    search("gyroscopique");
    screenshot("staff-search-desktop");
    browser.findElement(By.linkText("devis-2026-114.pdf")).click();
    waiting().until(ExpectedConditions.urlContains("/customers/" + customerId));
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Manutention Berthier");

    logExchange("CALL", "Called about the pallet truck quote");
    waiting().until(driver -> browser.findElement(By.cssSelector("#timeline-list li.entry")).getText()
        .contains("Called about the pallet truck quote"));
    assertThat(exchangesWithSubject(customerId, "Called about the pallet truck quote")).isEqualTo(1);

    // a photo of the signed paper, dropped on the page
    browser.executeScript("""
        const bytes = Uint8Array.from(atob(arguments[0]), c => c.charCodeAt(0));
        const files = new DataTransfer();
        files.items.add(new File([bytes], 'bon-signe.png', {type: 'image/png'}));
        document.querySelector('.dropzone').dispatchEvent(
            new DragEvent('drop', {dataTransfer: files, bubbles: true, cancelable: true}));
        """, Base64.getEncoder().encodeToString(png()));
    waiting().until(ExpectedConditions.presenceOfElementLocated(By.xpath("//ul[@id='files']//a[text()='bon-signe.png']")));

    // a PDF named like a photo is refused, and the page says why
    Path lying = Files.createTempDirectory("upload").resolve("photo-chantier.png");
    Files.write(lying, Uploads.pdf("not a photo"));
    browser.findElement(By.id("file-input")).sendKeys(lying.toString());
    WebElement refused = waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".upload-refused")));
    assertThat(refused.getText()).contains("photo-chantier.png").contains("does not match");
    assertThat(browser.findElement(By.id("files")).getText()).doesNotContain("photo-chantier.png");
    screenshot("staff-customer-desktop");
  }

  @Test
  void aDealIsFollowedFromItsPageAndItsTaskOpensInTasklistWithoutASecondLogin() throws Exception {
    long deal = deals.openDeal("Quincaillerie Morvan", "6400");
    long customerId = Api.as(rest, "sales").get("/api/opportunities/" + deal).json().get("customerId").asLong();
    browser = Chromium.desktop();
    logIn("sales");
    browser.get(url("/customers/" + customerId));
    browser.findElement(By.cssSelector("a[href='/deals/" + deal + "']")).click();
    waiting().until(ExpectedConditions.urlContains("/deals/" + deal));
    assertThat(browser.findElement(By.cssSelector(".stagebar li.current")).getText()).isNotBlank();

    browser.findElement(By.cssSelector("#followers button")).click();
    // htmx swaps the followers' part: the button is a new element once answered
    waiting().ignoring(org.openqa.selenium.StaleElementReferenceException.class)
        .until(ExpectedConditions.attributeToBe(By.cssSelector("#followers button"), "aria-pressed", "true"));
    assertThat(Api.as(rest, "sales").get("/api/subscriptions").body()).contains("\"opportunityId\":" + deal);
    screenshot("staff-deal-desktop");

    String taskName = browser.findElement(By.cssSelector("a.task-link")).getText();
    browser.findElement(By.cssSelector("a.task-link")).click();
    // Tasklist opens on the task: the session of the web app is Tasklist's too
    waiting().until(ExpectedConditions.urlContains("/camunda/app/tasklist/"));
    waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[cam-tasklist-task]")));
    waiting().until(driver -> driver.findElement(By.cssSelector("[cam-tasklist-task]")).getText().contains(taskName));
    assertThat(browser.findElements(By.cssSelector("input[type=password]"))).isEmpty();
  }

  @Test
  void onAPhoneTheSearchAndLoggingAnExchangeAreAThumbAwayAndNothingSpillsSideways() throws Exception {
    long customerId = customer("Boulangerie Le Goff");
    browser = Chromium.phone();
    logIn("sales");
    assertThat((Long) browser.executeScript("return document.documentElement.scrollWidth")).isLessThanOrEqualTo(390L);
    screenshot("staff-today-phone");
    search("Le Goff");
    screenshot("staff-search-phone");
    browser.findElement(By.linkText("Boulangerie Le Goff")).click();
    waiting().until(ExpectedConditions.urlContains("/customers/" + customerId));
    assertThat((Long) browser.executeScript("return document.documentElement.scrollWidth")).isLessThanOrEqualTo(390L);
    // the thumb bar's "Log" goes to the form
    WebElement thumbLog = browser.findElement(By.cssSelector(".thumb-bar .thumb-log"));
    assertThat(thumbLog.isDisplayed()).isTrue();
    thumbLog.click();
    logExchange("MEETING", "Met at the bakery");
    waiting().until(driver -> timeline().contains("Met at the bakery"));
    screenshot("staff-customer-phone");
    for (WebElement target : browser.findElements(By.cssSelector(".type-button, #log-form button, .thumb-bar a"))) {
      assertThat(target.getSize().getHeight()).as("touch target %s", target.getText()).isGreaterThanOrEqualTo(44);
    }
  }

  @Test
  void anExchangeLoggedWithTheNetworkCutIsKeptOnTheDeviceAndSavedOnceWhenItReturns() throws Exception {
    long customerId = customer("Cave Coopérative Vidal");
    browser = Chromium.phone();
    logIn("sales");
    browser.get(url("/customers/" + customerId));
    // Chrome's network emulation cuts the page, not its service worker, which would send the exchange at once on a
    // background sync; on a real phone without network the worker is cut too. So the page's own queue is tested
    // here, with the worker gone.
    browser.executeAsyncScript("""
        const done = arguments[arguments.length - 1];
        navigator.serviceWorker.getRegistrations()
          .then(all => Promise.all(all.map(r => r.unregister()))).then(() => done(true));
        """);
    ChromiumNetworkConditions offline = new ChromiumNetworkConditions();
    offline.setOffline(true);
    browser.setNetworkConditions(offline);
    logExchange("CALL", "Called from the cellar");
    waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".pending"),
        "Called from the cellar"));
    assertThat(browser.findElement(By.id("queue-status")).getText()).contains("network");
    assertThat(exchangesWithSubject(customerId, "Called from the cellar")).isZero();

    browser.deleteNetworkConditions();
    browser.executeScript("window.dispatchEvent(new Event('online'))");
    waiting().until(driver -> timeline().contains("Called from the cellar"));
    waiting().until(driver -> browser.findElement(By.cssSelector(".pending")).getText().isEmpty());
    assertThat(exchangesWithSubject(customerId, "Called from the cellar")).isEqualTo(1);

    // the same exchange sent again by the device's own queue code (the page and the worker both retry): still one
    Object again = browser.executeAsyncScript("""
        const done = arguments[arguments.length - 1];
        const form = document.getElementById('log-form');
        const csrf = {header: document.querySelector('meta[name=_csrf_header]').content,
                      token: document.querySelector('meta[name=_csrf]').content};
        const item = {clientKey: RelaisQueue.newKey(), url: form.action,
                      fields: {type: 'NOTE', subject: 'Sent twice from the device'}};
        RelaisQueue.post(item, csrf).then(first => RelaisQueue.post(item, csrf)
            .then(second => done(first.outcome + ' ' + first.id + ' ' + second.outcome + ' ' + second.id)));
        """);
    String[] answers = again.toString().split(" ");
    assertThat(answers[0]).isEqualTo("sent");
    assertThat(answers[2]).isEqualTo("sent");
    assertThat(answers[3]).isEqualTo(answers[1]);
    assertThat(exchangesWithSubject(customerId, "Sent twice from the device")).isEqualTo(1);
  }

  @Test
  void anotherUserDoesNotSeeAPrivateExchange() {
    long customerId = customer("Notaire Fabre");
    Api.as(rest, "sales").post("/api/communications", Map.of("type", "NOTE", "subject", "Private: budget is tight",
        "start", "2026-11-20T10:00:00Z", "status", "DONE", "private", true, "customerId", customerId));
    Api.as(rest, "sales").post("/api/communications", Map.of("type", "CALL", "subject", "Open call about the deeds",
        "start", "2026-11-21T10:00:00Z", "status", "DONE", "customerId", customerId));
    browser = Chromium.desktop();
    logIn("sales2");
    browser.get(url("/customers/" + customerId));
    waiting().until(driver -> timeline().contains("Open call about the deeds"));
    assertThat(timeline()).doesNotContain("budget is tight");
  }

  @Test
  void axeCoreFindsNoSeriousViolationOnTheMainPages() throws Exception {
    long deal = deals.openDeal("Accessible et Cie", "3000");
    long customerId = Api.as(rest, "sales").get("/api/opportunities/" + deal).json().get("customerId").asLong();
    Api.as(rest, "sales").post("/api/communications", Map.of("type", "CALL", "subject", "Axe check call",
        "start", "2026-11-21T10:00:00Z", "status", "DONE", "customerId", customerId));
    String axe;
    try (InputStream script = getClass().getClassLoader().getResourceAsStream("axe.min.js")) {
      axe = new String(script.readAllBytes(), StandardCharsets.UTF_8);
    }
    browser = Chromium.desktop();
    browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
    browser.get(url("/login"));
    assertThat(violations(axe)).as("login page").isEmpty();
    logIn("sales");
    for (String page : List.of("/today", "/customers", "/customers/" + customerId, "/deals/" + deal,
        "/search?q=Accessible", "/notifications", "/customers/new")) {
      browser.get(url(page));
      assertThat(violations(axe)).as(page).isEmpty();
    }
    browser.quit();
    browser = Chromium.phone();
    browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
    logIn("sales");
    browser.get(url("/customers/" + customerId));
    assertThat(violations(axe)).as("customer page on a phone").isEmpty();
  }

  /** axe-core's serious and critical findings on the page, one line each (rule, then the elements). */
  @SuppressWarnings("unchecked")
  private List<String> violations(String axe) {
    browser.executeScript(axe);
    return (List<String>) browser.executeAsyncScript("""
        const done = arguments[arguments.length - 1];
        axe.run(document, {resultTypes: ['violations']}).then(result => done(result.violations
            .filter(v => v.impact === 'serious' || v.impact === 'critical')
            .map(v => v.id + ': ' + v.nodes.map(n => n.target.join(' ')).join(', '))))
          .catch(e => done(['axe failed: ' + e]));
        """);
  }

  /** A small real PNG (the service checks the bytes against the name). */
  private static byte[] png() throws Exception {
    var image = new java.awt.image.BufferedImage(32, 32, java.awt.image.BufferedImage.TYPE_INT_RGB);
    var out = new java.io.ByteArrayOutputStream();
    javax.imageio.ImageIO.write(image, "png", out);
    return out.toByteArray();
  }
}
