package com.relais.crm.abuse;

import static org.assertj.core.api.Assertions.assertThat;

import com.relais.crm.DealDriver;
import com.relais.crm.HttpTest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The webapps (Tasklist, Cockpit, Admin) keep a login session in a cookie, so a forged cross-site request would ride
 * on it; Camunda's CSRF prevention filter refuses any state-changing request whose X-XSRF-TOKEN header does not match
 * the session's token (sent to the browser in the XSRF-TOKEN cookie). Our Spring Security chain for /camunda/** must
 * leave that filter in charge.
 */
@HttpTest
class WebappCsrfTest {
  @LocalServerPort int port;
  @Autowired DealDriver deals;
  @Autowired TaskService taskService;

  /** A browser in miniature: keeps the cookies the server sets and sends them back. */
  private final class Browser {
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final Map<String, String> cookies = new LinkedHashMap<>();

    HttpResponse<String> send(String method, String path, String contentType, String body, String xsrfToken)
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

    String token() {
      return cookies.get("XSRF-TOKEN");
    }

    /** What Tasklist does: load the app (gets the token cookie), then log in with the token. */
    void logIn(String user) throws IOException, InterruptedException {
      send("GET", "/camunda/app/tasklist/default/", null, null, null);
      assertThat(token()).as("XSRF-TOKEN cookie").isNotBlank();
      var login = send("POST", "/camunda/api/admin/auth/user/default/login/tasklist",
          "application/x-www-form-urlencoded", "username=" + user + "&password=" + user, token());
      assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
      // the login starts a new session; its token comes with the next read, as Tasklist's next call fetches it
      assertThat(send("GET", "/camunda/api/admin/auth/user/default", null, null, null).statusCode()).isEqualTo(200);
    }
  }

  /**
   * Each attempt in a fresh login: Camunda's filter also ends the session after a refused request (the next read
   * is a 401), so a forged request cannot be retried on the same session either.
   */
  @Test
  void aStateChangingWebappRequestWithoutTheCsrfTokenIsRefused() throws Exception {
    long deal = deals.openDeal("Csrf Target", "100");
    String taskId = deals.task(deal, "userTask_qualifyProspect").getId();
    String read = "/camunda/api/engine/engine/default/task/" + taskId;
    String claim = read + "/claim";
    String body = "{\"userId\":\"sales\"}";

    Browser noToken = new Browser();
    noToken.logIn("sales");
    assertThat(noToken.send("GET", read, null, null, null).statusCode()).isEqualTo(200);
    var refused = noToken.send("POST", claim, "application/json", body, null);
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(refused.headers().firstValue("X-XSRF-TOKEN")).hasValue("Required");
    assertThat(noToken.send("GET", read, null, null, null).statusCode()).isEqualTo(401);

    Browser wrongToken = new Browser();
    wrongToken.logIn("sales");
    assertThat(wrongToken.send("POST", claim, "application/json", body, "0123456789ABCDEF0123456789ABCDEF")
        .statusCode()).isEqualTo(403);
    assertThat(taskService.createTaskQuery().taskId(taskId).singleResult().getAssignee()).isNull();

    Browser honest = new Browser();
    honest.logIn("sales");
    var accepted = honest.send("POST", claim, "application/json", body, honest.token());
    assertThat(accepted.statusCode()).as(accepted.headers().map() + " " + accepted.body()).isEqualTo(204);
    assertThat(taskService.createTaskQuery().taskId(taskId).singleResult().getAssignee()).isEqualTo("sales");
  }

  @Test
  void aLoginWithoutTheCsrfTokenIsRefusedToo() throws Exception {
    Browser browser = new Browser();
    browser.send("GET", "/camunda/app/tasklist/default/", null, null, null);
    var login = browser.send("POST", "/camunda/api/admin/auth/user/default/login/tasklist",
        "application/x-www-form-urlencoded", "username=sales&password=sales", null);
    assertThat(login.statusCode()).isEqualTo(403);
  }

  @Test
  void withoutASessionTheWebappApiRefusesChanges() throws Exception {
    Browser browser = new Browser();
    var anonymous = browser.send("POST", "/camunda/api/engine/engine/default/task/1/claim", "application/json",
        "{\"userId\":\"sales\"}", null);
    assertThat(anonymous.statusCode()).isIn(401, 403);
  }

  /** Tasklist's own engine API (not /engine-rest) refuses an undocumented decision value too; the task stays open. */
  @Test
  void tasklistCannotCompleteATaskWithAnUnknownDecision() throws Exception {
    long deal = deals.openDeal("Tasklist Decision Target", "100");
    String taskId = deals.task(deal, "userTask_qualifyProspect").getId();
    Browser browser = new Browser();
    browser.logIn("sales");
    var answer = browser.send("POST", "/camunda/api/engine/engine/default/task/" + taskId + "/submit-form",
        "application/json", "{\"variables\":{\"saleOutcome\":{\"value\":\"MAYBE\"}}}", browser.token());
    assertThat(answer.statusCode()).as(answer.body()).isBetween(400, 499);
    assertThat(answer.body()).contains("saleOutcome").doesNotContain("\tat ");
    assertThat(taskService.createTaskQuery().taskId(taskId).count()).isOne();
  }
}
