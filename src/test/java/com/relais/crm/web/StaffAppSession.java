package com.relais.crm.web;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser as far as HTTP goes: a cookie jar, the login form, the CSRF token read from the last page, no redirects
 * followed (the tests look at them). For the staff web app's tests that need no real browser.
 */
public final class StaffAppSession {
  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" (?:value|content)=\"([^\"]+)\"");

  private final CookieManager cookies = new CookieManager();
  private final HttpClient http;
  private final String base;
  private String csrf;

  public StaffAppSession(int port) {
    this.http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
    this.base = "http://localhost:" + port;
  }

  public HttpResponse<String> logIn(String user, String password) throws IOException, InterruptedException {
    get("/login");
    return postForm("/login", Map.of("username", user, "password", password));
  }

  public HttpResponse<String> logIn(String user) throws IOException, InterruptedException {
    return logIn(user, user);
  }

  public HttpResponse<String> get(String path, String... headers) throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).GET();
    if (headers.length > 0) {
      request.headers(headers);
    }
    HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    Matcher token = CSRF.matcher(response.body());
    if (token.find()) {
      csrf = token.group(1);
    }
    return response;
  }

  public HttpResponse<String> postForm(String path, Map<String, String> fields, String... headers)
      throws IOException, InterruptedException {
    Map<String, String> withToken = new LinkedHashMap<>(fields);
    if (csrf != null && !withToken.containsKey("_csrf")) {
      withToken.put("_csrf", csrf);
    }
    String body = withToken.entrySet().stream()
        .map(e -> encode(e.getKey()) + "=" + encode(e.getValue())).collect(Collectors.joining("&"));
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(body));
    if (headers.length > 0) {
      request.headers(headers);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** A JSON change as the webapps' scripts send it (Tasklist's engine API: its CSRF header among the headers). */
  public HttpResponse<String> postJson(String path, String json, String... headers)
      throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
        .header("Content-Type", "application/json").header("Accept", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json));
    if (headers.length > 0) {
      request.headers(headers);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  public HttpResponse<String> postBytes(String path, byte[] bytes) throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(URI.create(base + path))
        .header("Content-Type", "application/octet-stream").header("X-CSRF-TOKEN", csrf)
        .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build(), HttpResponse.BodyHandlers.ofString());
  }

  public String csrf() {
    return csrf;
  }

  /** The value of a cookie the server set, if it did. */
  public Optional<String> cookie(String name) {
    return cookies.getCookieStore().getCookies().stream().filter(cookie -> cookie.getName().equals(name))
        .map(HttpCookie::getValue).findFirst();
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
