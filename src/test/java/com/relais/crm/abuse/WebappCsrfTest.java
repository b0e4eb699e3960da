package com.relais.crm.abuse;

import static org.assertj.core.api.Assertions.assertThat;

import com.relais.crm.DealDriver;
import com.relais.crm.HttpTest;
import com.relais.crm.WebappSession;
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

    WebappSession noToken = new WebappSession(port);
    noToken.logIn("sales");
    assertThat(noToken.send("GET", read, null, null, null).statusCode()).isEqualTo(200);
    var refused = noToken.send("POST", claim, "application/json", body, null);
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(refused.headers().firstValue("X-XSRF-TOKEN")).hasValue("Required");
    assertThat(noToken.send("GET", read, null, null, null).statusCode()).isEqualTo(401);

    WebappSession wrongToken = new WebappSession(port);
    wrongToken.logIn("sales");
    assertThat(wrongToken.send("POST", claim, "application/json", body, "0123456789ABCDEF0123456789ABCDEF")
        .statusCode()).isEqualTo(403);
    assertThat(taskService.createTaskQuery().taskId(taskId).singleResult().getAssignee()).isNull();

    WebappSession honest = new WebappSession(port);
    honest.logIn("sales");
    var accepted = honest.send("POST", claim, "application/json", body, honest.token());
    assertThat(accepted.statusCode()).as(accepted.headers().map() + " " + accepted.body()).isEqualTo(204);
    assertThat(taskService.createTaskQuery().taskId(taskId).singleResult().getAssignee()).isEqualTo("sales");
  }

  @Test
  void aLoginWithoutTheCsrfTokenIsRefusedToo() throws Exception {
    WebappSession browser = new WebappSession(port);
    browser.send("GET", "/camunda/app/tasklist/default/", null, null, null);
    var login = browser.send("POST", "/camunda/api/admin/auth/user/default/login/tasklist",
        "application/x-www-form-urlencoded", "username=sales&password=sales", null);
    assertThat(login.statusCode()).isEqualTo(403);
  }

  @Test
  void withoutASessionTheWebappApiRefusesChanges() throws Exception {
    WebappSession browser = new WebappSession(port);
    var anonymous = browser.send("POST", "/camunda/api/engine/engine/default/task/1/claim", "application/json",
        "{\"userId\":\"sales\"}", null);
    assertThat(anonymous.statusCode()).isIn(401, 403);
  }

  /** Tasklist's own engine API (not /engine-rest) refuses an undocumented decision value too; the task stays open. */
  @Test
  void tasklistCannotCompleteATaskWithAnUnknownDecision() throws Exception {
    long deal = deals.openDeal("Tasklist Decision Target", "100");
    String taskId = deals.task(deal, "userTask_qualifyProspect").getId();
    WebappSession browser = new WebappSession(port);
    browser.logIn("sales");
    var answer = browser.send("POST", "/camunda/api/engine/engine/default/task/" + taskId + "/submit-form",
        "application/json", "{\"variables\":{\"saleOutcome\":{\"value\":\"MAYBE\"}}}", browser.token());
    assertThat(answer.statusCode()).as(answer.body()).isBetween(400, 499);
    assertThat(answer.body()).contains("saleOutcome").doesNotContain("\tat ");
    assertThat(taskService.createTaskQuery().taskId(taskId).count()).isOne();
  }
}
