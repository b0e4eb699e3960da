package com.relais.crm.browser;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's Chromium and its driver, driven by Selenium. Nothing is downloaded: the binaries are the ones
 * {@code apt-get install chromium chromium-driver} puts in /usr/bin (CHROMIUM_BINARY and CHROMEDRIVER override).
 * Where they are missing, browser tests are skipped with that message; .ci/run installs them.
 */
final class Chromium {
  static final Path BINARY = Path.of(System.getenv().getOrDefault("CHROMIUM_BINARY", "/usr/bin/chromium"));
  static final Path DRIVER = Path.of(System.getenv().getOrDefault("CHROMEDRIVER", "/usr/bin/chromedriver"));
  /** BROWSER_TESTS=off skips them on purpose (.ci/run's PostgreSQL pass: the screens do not depend on the database). */
  static final boolean SWITCHED_OFF = "off".equalsIgnoreCase(System.getenv("BROWSER_TESTS"));
  static final String MISSING = SWITCHED_OFF ? "Browser tests skipped: BROWSER_TESTS=off"
      : "Browser tests skipped: no Chromium at " + BINARY + " or no chromedriver at " + DRIVER
      + " (apt-get install chromium chromium-driver; .ci/run does it)";

  private Chromium() {}

  /** Skips the calling test class, saying why in the build's output, where Chromium is missing or switched off. */
  static void assumeAvailable() {
    if (!available()) {
      System.out.println(MISSING);
    }
    org.junit.jupiter.api.Assumptions.assumeTrue(available(), MISSING);
  }

  static boolean available() {
    return !SWITCHED_OFF && Files.isExecutable(BINARY) && Files.isExecutable(DRIVER);
  }

  /** A desktop window. */
  static ChromeDriver desktop() {
    return start(options(1366, 900));
  }

  /** A 390 x 844 phone with touch, as the users tried it. */
  static ChromeDriver phone() {
    ChromeOptions options = options(390, 844);
    options.setExperimentalOption("mobileEmulation", Map.of(
        "deviceMetrics", Map.of("width", 390, "height", 844, "pixelRatio", 3.0, "touch", true),
        "userAgent", "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) "
            + "Chrome/140.0 Mobile Safari/537.36"));
    return start(options);
  }

  private static ChromeOptions options(int width, int height) {
    ChromeOptions options = new ChromeOptions();
    options.setBinary(BINARY.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
        "--window-size=" + width + "," + height, "--lang=en-GB");
    options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "en-GB,en"));
    options.setExperimentalOption("excludeSwitches", List.of("enable-automation"));
    return options;
  }

  private static ChromeDriver start(ChromeOptions options) {
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
        .usingAnyFreePort().build();
    ChromeDriver driver = new ChromeDriver(service, options);
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    return driver;
  }
}
