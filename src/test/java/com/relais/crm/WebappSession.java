package com.relais.crm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** A browser in miniature: keeps the cookies the server sets and sends them back. */
public final class WebappSession {
  private final int port;
  private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
  private final Map<String, String> cookies = new LinkedHashMap<>();

  public WebappSession(int port) {
    this.port = port;
  }

  public HttpResponse<String> send(String method, String path, String contentType, String body, String xsrfToken)
      throws IOException, InterruptedException {
    var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
        .header("Accept", "application/json");
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    if (!cookies.isEmpty()) {
      request.header("Cookie", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
          .collect(Collectors.joining("; ")));
    }
    if (xsrfToken != null) {
      request.header("X-XSRF-TOKEN", xsrfToken);
    }
    HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    for (String setCookie : response.headers().allValues("Set-Cookie")) {
      String pair = setCookie.split(";", 2)[0];
      int eq = pair.indexOf('=');
      cookies.put(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
    }
    return response;
  }

  public String token() {
    return cookies.get("XSRF-TOKEN");
  }

  /** What Tasklist does: load the app (gets the token cookie), then log in with the token. */
  public void logIn(String user) throws IOException, InterruptedException {
    send("GET", "/camunda/app/tasklist/default/", null, null, null);
    assertThat(token()).as("XSRF-TOKEN cookie").isNotBlank();
    var login = send("POST", "/camunda/api/admin/auth/user/default/login/tasklist",
        "application/x-www-form-urlencoded", "username=" + user + "&password=" + user, token());
    assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
    // the login starts a new session; its token comes with the next read, as Tasklist's next call fetches it
    assertThat(send("GET", "/camunda/api/admin/auth/user/default", null, null, null).statusCode()).isEqualTo(200);
  }
}
