package com.relais.crm.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.relais.crm.HttpTest;
import java.io.ByteArrayInputStream;
import java.io.ObjectInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The browser's session is a row of the database (Spring Session JDBC, table http_session), so any node of a cluster
 * serves it: a login of the staff web app writes its row with the webapps' login inside, and keeps the cookie's
 * settings; the stateless doors (/api and /engine-rest with Basic credentials, health, a path nothing serves) make
 * none. The same over two nodes and a proxy, with a node killed: SharedSessionsFaultTest.
 */
@HttpTest
class SessionsInTheDatabaseTest {
  private static final String COOKIE = "JSESSIONID";
  private static final String BASIC_SALES = "Basic " + Base64.getEncoder()
      .encodeToString("sales:sales".getBytes(StandardCharsets.UTF_8));

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;

  @Test
  void aLoginOfTheStaffAppIsARowOfTheSessionTableWithTheWebappsLoginInside() throws Exception {
    StaffAppSession sales = new StaffAppSession(port);
    sales.get("/login");
    String before = sessionId(sales);
    assertThat(rows(before)).as("the login page's session (its CSRF token)").isOne();

    HttpResponse<String> login = sales.logIn("sales");
    assertThat(login.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).doesNotContain("error"));
    // the cookie keeps the settings of server.servlet.session.cookie, now written by Spring Session
    assertThat(login.headers().allValues("Set-Cookie")).filteredOn(c -> c.startsWith(COOKIE + "="))
        .isNotEmpty().allSatisfy(c -> assertThat(c).contains("HttpOnly").contains("SameSite=Lax").contains("Path=/"));

    String after = sessionId(sales);
    assertThat(after).as("a new session id at login (fixation protection)").isNotEqualTo(before);
    assertThat(rows(before)).isZero();
    assertThat(rows(after)).isOne();
    // SESSION_TIMEOUT (30 minutes) is the row's idle limit
    assertThat(jdbc.queryForObject("select max_inactive_interval from http_session where session_id = ?",
        Integer.class, after)).isEqualTo(1800);

    // the webapps' login, as Tasklist reads it on any node
    byte[] stored = jdbc.queryForObject("select a.attribute_bytes from http_session_attributes a"
        + " join http_session s on a.session_primary_id = s.primary_id"
        + " where s.session_id = ? and a.attribute_name = 'authenticatedUser'", byte[].class, after);
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(stored))) {
      Authentications logins = (Authentications) in.readObject();
      assertThat(logins.getAuthenticationForProcessEngine("default").getName()).isEqualTo("sales");
    }

    assertThat(sales.get("/today").statusCode()).isEqualTo(200);
    assertThat(sales.get("/camunda/api/admin/auth/user/default").statusCode()).isEqualTo(200);

    // logging out removes the row
    sales.postForm("/logout", java.util.Map.of());
    assertThat(rows(after)).isZero();
  }

  @Test
  void aWrongPasswordIsNotKeptInTheSession() throws Exception {
    StaffAppSession someone = new StaffAppSession(port);
    someone.get("/login");
    // a user of this test's own would be needed to try a wrong password on a real account (the engine throttles it);
    // an unknown user goes through the same refusal
    HttpResponse<String> refused = someone.postForm("/login", java.util.Map.of("username", "nobody-at-all",
        "password", "typed-password-not-to-keep"));
    assertThat(refused.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login?error"));
    String id = sessionId(someone);
    assertThat(jdbc.queryForList("select a.attribute_name from http_session_attributes a"
        + " join http_session s on a.session_primary_id = s.primary_id where s.session_id = ?", String.class, id))
        .doesNotContain("SPRING_SECURITY_LAST_EXCEPTION");
    assertThat(someone.get("/login?error").body()).contains("role=\"alert\"");
  }

  @Test
  void theStatelessDoorsMakeNoSession() throws Exception {
    long before = jdbc.queryForObject("select count(*) from http_session", Long.class);
    HttpClient plain = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    for (String path : List.of("/api/customers?size=1", "/engine-rest/task?maxResults=1",
        "/api/notifications/unread-count")) {
      HttpResponse<String> answer = plain.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
          .header("Authorization", BASIC_SALES).header("Accept", "application/json").GET().build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(answer.statusCode()).as(path).isEqualTo(200);
      assertThat(answer.headers().allValues("Set-Cookie")).as(path).isEmpty();
    }
    for (String path : List.of("/actuator/health", "/nothing-is-served-here")) {
      HttpResponse<String> answer = plain.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
          .GET().build(), HttpResponse.BodyHandlers.ofString());
      assertThat(answer.statusCode()).as(path).isIn(200, 404);
      assertThat(answer.headers().allValues("Set-Cookie")).as(path).isEmpty();
    }
    // other tests' sessions may expire meanwhile (the cleanup deletes them), none is added by these calls
    assertThat(jdbc.queryForObject("select count(*) from http_session", Long.class)).isLessThanOrEqualTo(before);
  }

  private long rows(String sessionId) {
    return jdbc.queryForObject("select count(*) from http_session where session_id = ?", Long.class, sessionId);
  }

  /** Spring Session's cookie holds the session id in Base64. */
  private static String sessionId(StaffAppSession session) {
    String cookie = session.cookie(COOKIE).orElseThrow(() -> new AssertionError("no " + COOKIE + " cookie"));
    return new String(Base64.getDecoder().decode(cookie), StandardCharsets.UTF_8);
  }
}
