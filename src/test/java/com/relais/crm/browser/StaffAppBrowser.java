package com.relais.crm.browser;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * What the staff web app's browser tests do alike (StaffAppInABrowserTest, MyRoundOnAPhoneInABrowserTest): the
 * app's address on the test's port, waiting for htmx's parts, the login form, a thumb's tap, a screenshot.
 */
final class StaffAppBrowser {
  static final Duration WAIT = Duration.ofSeconds(45);
  static final Path SCREENSHOTS = Path.of("target", "screenshots");

  private StaffAppBrowser() {}

  static String url(int port, String path) {
    return "http://localhost:" + port + path;
  }

  /** htmx replaces parts of the page (the timeline, the followers): an element found may be gone a moment later. */
  static WebDriverWait waiting(ChromeDriver browser) {
    WebDriverWait wait = new WebDriverWait(browser, WAIT);
    wait.ignoring(StaleElementReferenceException.class);
    return wait;
  }

  /**
   * The login form, with the user's demo password (= the user id). Typed once and right: a wrong password locks the
   * user in the engine's login throttling for a few seconds, which would fail the next calls made as them.
   */
  static void logIn(ChromeDriver browser, int port, String user) {
    browser.get(url(port, "/login"));
    browser.findElement(By.id("username")).sendKeys(user);
    browser.findElement(By.id("password")).sendKeys(user);
    browser.findElement(By.cssSelector("form button[type=submit]")).click();
    waiting(browser).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("header.top form.search")));
  }

  /** The page from its top, as a person opening it sees it. */
  static void screenshot(ChromeDriver browser, String name) throws Exception {
    browser.executeScript("window.scrollTo(0, 0)");
    Files.createDirectories(SCREENSHOTS);
    Files.write(SCREENSHOTS.resolve(name + ".png"), browser.getScreenshotAs(OutputType.BYTES));
  }

  /** As a thumb does: the element scrolled to the middle of the screen first, clear of the bottom bar. */
  static void tap(ChromeDriver browser, WebElement element) {
    browser.executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
    element.click();
  }
}
