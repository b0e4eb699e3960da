package com.relais.crm.abuse;

import static org.assertj.core.api.Assertions.assertThat;

import com.relais.crm.Api;
import com.relais.crm.HttpTest;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every /api handler method (read from Spring MVC's own mapping, so a new endpoint is covered without editing this
 * test) and a representative set of /engine-rest resources answer 401 to an anonymous caller and to a wrong password,
 * and the 401 says nothing about the resource, the user or the server.
 */
@HttpTest
class AuthenticationAbuseTest {
  /** Engine REST resources, reads and writes, across every area a client could reach. */
  private static final List<String> ENGINE_REST = List.of(
      "GET /engine-rest/task", "GET /engine-rest/task/1", "POST /engine-rest/task/1/claim",
      "POST /engine-rest/task/1/complete", "GET /engine-rest/task/1/form-variables",
      "PUT /engine-rest/task/1/variables/x", "GET /engine-rest/process-definition",
      "POST /engine-rest/process-definition/key/sale/start", "GET /engine-rest/process-instance",
      "DELETE /engine-rest/process-instance/1", "GET /engine-rest/execution", "GET /engine-rest/variable-instance",
      "GET /engine-rest/deployment", "POST /engine-rest/deployment/create", "DELETE /engine-rest/deployment/1",
      "GET /engine-rest/user", "POST /engine-rest/user/create", "PUT /engine-rest/user/admin/credentials",
      "GET /engine-rest/group", "POST /engine-rest/group/create", "GET /engine-rest/authorization",
      "POST /engine-rest/authorization/create", "GET /engine-rest/identity/groups?userId=admin",
      "POST /engine-rest/identity/verify", "GET /engine-rest/history/process-instance", "GET /engine-rest/history/task",
      "GET /engine-rest/job", "GET /engine-rest/incident", "POST /engine-rest/message", "GET /engine-rest/filter",
      "GET /engine-rest/tenant", "GET /engine-rest/decision-definition", "GET /engine-rest/external-task",
      "POST /engine-rest/external-task/fetchAndLock", "GET /engine-rest/metrics", "GET /engine-rest/version",
      "GET /engine-rest/engine/default/task", "POST /engine-rest/engine/default/deployment/create");

  @Autowired TestRestTemplate rest;
  @Autowired IdentityService identityService;
  @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings;

  record Call(HttpMethod method, String path) {
    @Override
    public String toString() {
      return method + " " + path;
    }
  }

  /** Each /api handler with each of its HTTP methods; path variables become 1. */
  private List<Call> apiCalls() {
    Set<Call> calls = new LinkedHashSet<>();
    mappings.getHandlerMethods().forEach((info, handler) -> {
      Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
      for (String pattern : info.getPatternValues()) {
        if (!pattern.startsWith("/api/")) {
          continue;
        }
        String path = pattern.replaceAll("\\{[^}]+}", "1");
        (methods.isEmpty() ? Set.of(RequestMethod.GET) : methods)
            .forEach(m -> calls.add(new Call(HttpMethod.valueOf(m.name()), path)));
      }
    });
    return new ArrayList<>(calls);
  }

  private static List<Call> engineCalls() {
    return ENGINE_REST.stream().map(s -> s.split(" ", 2)).map(p -> new Call(HttpMethod.valueOf(p[0]), p[1])).toList();
  }

  private List<Call> allCalls() {
    return Stream.concat(apiCalls().stream(), engineCalls().stream()).toList();
  }

  @Test
  void theApiMappingIsReadCompletely() {
    // a guard against a silently empty enumeration: the CRM has well over twenty /api handlers
    assertThat(apiCalls()).hasSizeGreaterThan(20)
        .contains(new Call(HttpMethod.POST, "/api/customers"), new Call(HttpMethod.PUT, "/api/customers/1"),
            new Call(HttpMethod.POST, "/api/attachments"), new Call(HttpMethod.GET, "/api/documents/1/content"));
  }

  @Test
  void everyPathAnswers401ToAnAnonymousCaller() {
    List<String> wrong = new ArrayList<>();
    for (Call call : allCalls()) {
      var answer = Api.anonymous(rest).exchange(call.method(), call.path(), "{}");
      if (answer.status() != 401 || leaks(answer.body())) {
        wrong.add(call + " -> " + answer);
      }
    }
    assertThat(wrong).as("anonymous calls not refused with a clean 401").isEmpty();
  }

  /**
   * A throw-away user of its own: the engine delays (and after ten misses locks) a user after wrong passwords, which
   * must not touch the demo users other tests log in as. The right password works before the first wrong one.
   */
  @Test
  void everyPathAnswers401ToAWrongPassword() {
    String user = "wrongpass" + System.nanoTime();
    var account = identityService.newUser(user);
    account.setPassword("the-right-password");
    identityService.saveUser(account);
    assertThat(Api.withPassword(rest, user, "the-right-password").get("/api/notifications").status()).isEqualTo(200);

    List<String> wrong = new ArrayList<>();
    for (Call call : allCalls()) {
      var answer = Api.withPassword(rest, user, "not-the-password").exchange(call.method(), call.path(), "{}");
      if (answer.status() != 401 || leaks(answer.body())) {
        wrong.add(call + " -> " + answer);
      }
      var unknown = Api.withPassword(rest, "nosuchuser", "whatever").exchange(call.method(), call.path(), "{}");
      if (unknown.status() != 401 || leaks(unknown.body())) {
        wrong.add(call + " (unknown user) -> " + unknown);
      }
    }
    assertThat(wrong).as("wrong-password calls not refused with a clean 401").isEmpty();
  }

  @Test
  void a401TellsAWrongPasswordFromAnUnknownUserInNoWay() {
    String user = "samebody" + System.nanoTime();
    var account = identityService.newUser(user);
    account.setPassword("the-right-password");
    identityService.saveUser(account);
    var wrongPassword = Api.withPassword(rest, user, "nope").get("/api/customers");
    var unknownUser = Api.withPassword(rest, "nosuchuser" + System.nanoTime(), "nope").get("/api/customers");
    assertThat(wrongPassword.body()).isEqualTo(unknownUser.body());
    var engineWrong = Api.withPassword(rest, user, "nope").get("/engine-rest/task");
    var engineUnknown = Api.withPassword(rest, "nosuchuser" + System.nanoTime(), "nope").get("/engine-rest/task");
    assertThat(engineWrong.status()).isEqualTo(engineUnknown.status()).isEqualTo(401);
    assertThat(String.valueOf(engineWrong.body())).isEqualTo(String.valueOf(engineUnknown.body()));
  }

  /** A 401 body names nothing: no exception, no stack frame, no user, no SQL, no engine message code. */
  private static boolean leaks(String body) {
    if (body == null) {
      return false;
    }
    return Stream.of("Exception", "at com.", "at org.", "\tat ", "ENGINE-", "nosuchuser", "wrongpass", "SQL",
        "Caused by").anyMatch(body::contains);
  }

  @Test
  void theEngineListIsTheOnlyOpenEngineRestPathAndSaysOnlyTheEngineName() {
    // Camunda's authentication filter leaves GET /engine-rest/engine open (it lists engine names for clients)
    var answer = Api.anonymous(rest).get("/engine-rest/engine");
    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.json().toString()).isEqualTo(Api.anonymous(rest).get("/engine-rest/engine").json().toString());
    assertThat(answer.json().findValuesAsText("name")).containsExactly("default");
    assertThat(answer.json().get(0).size()).isEqualTo(1);
  }
}
