package com.relais.crm.bench;

import java.io.InputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The staff web app's pages as a logged-in browser asks for them: a customer's page (details, deals, tasks, files,
 * the first page of the timeline) and the search page, timed to the first byte of the answer (what the person
 * waits for before the page starts to draw), over scenario D's 100 000 customers and 1 000 000 exchanges.
 */
final class PageRun {
  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

  final Stats customerPage = new Stats();
  final Stats searchPage = new Stats();

  void measure(String base, List<String> words, long firstCustomer, long lastCustomer, int count) throws Exception {
    HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
        .followRedirects(HttpClient.Redirect.NEVER).build();
    logIn(browser, base);
    Random r = new Random(5);
    for (int i = 0; i < 20; i++) {
      timed(browser, base + "/customers/" + pick(r, firstCustomer, lastCustomer), null);
      timed(browser, base + "/search?q=" + words.get(r.nextInt(words.size())), null);
    }
    for (int i = 0; i < count; i++) {
      timed(browser, base + "/customers/" + pick(r, firstCustomer, lastCustomer), customerPage);
      timed(browser, base + "/search?q=" + URLEncoder.encode(words.get(r.nextInt(words.size())),
          StandardCharsets.UTF_8), searchPage);
    }
  }

  private static long pick(Random r, long first, long last) {
    return first + r.nextLong(last - first + 1);
  }

  /** Time to the answer's first byte (its status and headers), then the page read to its end, untimed. */
  private static void timed(HttpClient browser, String url, Stats stats) throws Exception {
    long start = System.nanoTime();
    HttpResponse<InputStream> answer = browser.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
        HttpResponse.BodyHandlers.ofInputStream());
    long firstByte = System.nanoTime() - start;
    try (InputStream body = answer.body()) {
      body.transferTo(java.io.OutputStream.nullOutputStream());
    }
    if (answer.statusCode() != 200) {
      throw new IllegalStateException(url + " answered " + answer.statusCode());
    }
    if (stats != null) {
      stats.add(firstByte);
    }
  }

  private static void logIn(HttpClient browser, String base) throws Exception {
    String page = browser.send(HttpRequest.newBuilder(URI.create(base + "/login")).GET().build(),
        HttpResponse.BodyHandlers.ofString()).body();
    Matcher token = CSRF.matcher(page);
    if (!token.find()) {
      throw new IllegalStateException("no CSRF token on the login page");
    }
    HttpResponse<String> login = browser.send(HttpRequest.newBuilder(URI.create(base + "/login"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("username=sales&password=sales&_csrf="
            + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
    if (login.headers().firstValue("Location").orElse("").contains("error")) {
      throw new IllegalStateException("the benchmark's sales could not log in to the web app");
    }
  }
}
