package com.relais.crm.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.relais.crm.Api;
import com.relais.crm.DealDriver;
import com.relais.crm.HttpTest;
import com.relais.crm.attachment.Uploads;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The staff web app as a browser meets it over HTTP: the login page and its one session with Tasklist, CSRF on every
 * change, the exchange form with its offline key, files, private exchanges, deal access, the customer form's errors,
 * the list's filters, the two languages. The same pages in a real Chromium: StaffAppInABrowserTest.
 */
@HttpTest
class StaffAppOverHttpTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort int port;
  @Autowired TestRestTemplate rest;
  @Autowired DealDriver deals;
  @Autowired org.camunda.bpm.engine.IdentityService identityService;

  private long customer(String name) {
    return Api.as(rest, "sales").post("/api/customers", Api.customer(name)).json().get("id").asLong();
  }

  private long exchangesWithSubject(long customerId, String subject, String user) {
    JsonNode page = Api.as(rest, user).get("/api/communications?customerId=" + customerId + "&size=200").json();
    long count = 0;
    for (JsonNode exchange : page.get("content")) {
      if (subject.equals(exchange.get("subject").asText())) {
        count++;
      }
    }
    return count;
  }

  private StaffAppSession loggedIn(String user) throws Exception {
    StaffAppSession session = new StaffAppSession(port);
    assertThat(session.logIn(user).headers().firstValue("Location")).hasValueSatisfying(
        location -> assertThat(location).doesNotContain("error"));
    return session;
  }

  @Test
  void withoutALoginAPageGoesToTheLoginPageAndAnHtmxRequestIsToldByHeader() throws Exception {
    StaffAppSession anonymous = new StaffAppSession(port);
    HttpResponse<String> page = anonymous.get("/customers");
    assertThat(page.statusCode()).isEqualTo(302);
    assertThat(page.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
    HttpResponse<String> fragment = anonymous.get("/notifications/count", "HX-Request", "true");
    assertThat(fragment.statusCode()).isEqualTo(401);
    assertThat(fragment.headers().firstValue("HX-Redirect")).hasValue("/login");
    assertThat(fragment.body()).doesNotContain("password");
    // the app's own files carry no data and are open, so the login page and the offline page can use them
    assertThat(anonymous.get("/app/app.css").statusCode()).isEqualTo(200);
    assertThat(anonymous.get("/sw.js").statusCode()).isEqualTo(200);
    HttpResponse<String> manifest = anonymous.get("/manifest.webmanifest");
    assertThat(manifest.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(manifest.body()).get("icons")).hasSizeGreaterThanOrEqualTo(2);
    assertThat(anonymous.get("/webjars/htmx.org/2.0.4/dist/htmx.min.js").statusCode()).isEqualTo(200);
    assertThat(anonymous.get("/login").body()).contains("name=\"password\"");
  }

  @Test
  void oneLoginServesTheAppAndTasklistAndLoggingOutEndsBoth() throws Exception {
    // a user of this test's own: a wrong password locks the account for a few seconds (the engine's login
    // throttling), which would refuse the other tests' calls as sales
    String someone = "webwrong" + UUID.randomUUID().toString().substring(0, 8);
    var user = identityService.newUser(someone);
    user.setPassword("the-right-password-" + someone);
    identityService.saveUser(user);
    StaffAppSession wrong = new StaffAppSession(port);
    assertThat(wrong.logIn(someone, "not-the-password").headers().firstValue("Location"))
        .hasValueSatisfying(l -> assertThat(l).endsWith("/login?error"));
    assertThat(wrong.get("/today").statusCode()).isEqualTo(302);

    StaffAppSession sales = loggedIn("sales");
    assertThat(sales.get("/").headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/today"));
    HttpResponse<String> today = sales.get("/today");
    assertThat(today.statusCode()).isEqualTo(200);
    // the Camunda webapps see the same login: Tasklist opens without asking again
    HttpResponse<String> tasklistUser = sales.get("/camunda/api/admin/auth/user/default");
    assertThat(tasklistUser.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(tasklistUser.body()).get("userId").asText()).isEqualTo("sales");
    // a read of /api in the same browser rides the same session
    assertThat(sales.get("/api/notifications/unread-count").statusCode()).isEqualTo(200);

    assertThat(sales.postForm("/logout", Map.of()).headers().firstValue("Location"))
        .hasValueSatisfying(l -> assertThat(l).endsWith("/login?logout"));
    assertThat(sales.get("/today").statusCode()).isEqualTo(302);
    assertThat(sales.get("/camunda/api/admin/auth/user/default").statusCode()).isNotEqualTo(200);
  }

  @Test
  void aChangeWithoutThePagesTokenIsRefusedAndChangesNothing() throws Exception {
    long customerId = customer("Jeton Absent SARL");
    StaffAppSession sales = loggedIn("sales");
    HttpResponse<String> forged = sales.postForm("/customers/" + customerId + "/exchanges",
        Map.of("_csrf", "forged", "type", "CALL", "subject", "Forged call"));
    assertThat(forged.statusCode()).isEqualTo(403);
    assertThat(exchangesWithSubject(customerId, "Forged call", "sales")).isZero();
  }

  @Test
  void anExchangeSentTwiceWithTheSameKeyIsLoggedOnce() throws Exception {
    long customerId = customer("Deux Envois SA");
    StaffAppSession sales = loggedIn("sales");
    sales.get("/customers/" + customerId);
    String key = UUID.randomUUID().toString();
    Map<String, String> call = Map.of("type", "CALL", "subject", "Called from the car park", "clientKey", key);
    HttpResponse<String> first = sales.postForm("/customers/" + customerId + "/exchanges", call,
        "X-Relais-Queue", "1", "X-CSRF-TOKEN", sales.csrf());
    HttpResponse<String> again = sales.postForm("/customers/" + customerId + "/exchanges", call,
        "X-Relais-Queue", "1", "X-CSRF-TOKEN", sales.csrf());
    assertThat(first.statusCode()).isEqualTo(201);
    assertThat(again.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(again.body()).get("id").asLong()).isEqualTo(JSON.readTree(first.body()).get("id").asLong());
    assertThat(exchangesWithSubject(customerId, "Called from the car park", "sales")).isEqualTo(1);
    JsonNode logged = Api.as(rest, "sales").get("/api/communications/" + JSON.readTree(first.body()).get("id")).json();
    assertThat(logged.get("author").asText()).isEqualTo("sales");
    assertThat(logged.get("status").asText()).isEqualTo("DONE");

    // the key is the author's: the same key from someone else is their own exchange, not a look at sales'
    StaffAppSession other = loggedIn("sales2");
    other.get("/customers/" + customerId);
    HttpResponse<String> theirs = other.postForm("/customers/" + customerId + "/exchanges", call,
        "X-Relais-Queue", "1", "X-CSRF-TOKEN", other.csrf());
    assertThat(theirs.statusCode()).isEqualTo(201);
    assertThat(exchangesWithSubject(customerId, "Called from the car park", "sales")).isEqualTo(2);
  }

  @Test
  void aRefusedExchangeGivesItsReasonsByFieldAndTheFormComesBackAsTyped() throws Exception {
    long customerId = customer("Raisons Claires SARL");
    StaffAppSession sales = loggedIn("sales");
    sales.get("/customers/" + customerId);
    HttpResponse<String> queued = sales.postForm("/customers/" + customerId + "/exchanges",
        Map.of("type", "CALL", "subject", " ", "clientKey", UUID.randomUUID().toString()),
        "X-Relais-Queue", "1", "X-CSRF-TOKEN", sales.csrf());
    assertThat(queued.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(queued.body()).at("/errors/subject").asText()).isNotBlank();

    HttpResponse<String> page = sales.postForm("/customers/" + customerId + "/exchanges",
        Map.of("type", "CALL", "subject", "", "details", "Rappeler jeudi pour le devis", "start", "not a date"));
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("Rappeler jeudi pour le devis").contains("id=\"err-start\"")
        .doesNotContain("id=\"err-start\" hidden");
    assertThat(Api.as(rest, "sales").get("/api/communications?customerId=" + customerId).json().get("content"))
        .isEmpty();
  }

  @Test
  void aFileIsStoredAndListedAndAFileWhoseNameLiesIsRefusedWithTheReason() throws Exception {
    long customerId = customer("Fichiers Nets SAS");
    StaffAppSession sales = loggedIn("sales");
    sales.get("/customers/" + customerId);
    HttpResponse<String> stored = sales.postBytes("/customers/" + customerId + "/files?name=bon%20sign%C3%A9.pdf",
        Uploads.pdf("Bon de livraison signé"));
    assertThat(stored.statusCode()).isEqualTo(201);
    HttpResponse<String> lying = sales.postBytes("/customers/" + customerId + "/files?name=photo.png",
        Uploads.pdf("not a photo"));
    assertThat(lying.statusCode()).isEqualTo(415);
    assertThat(JSON.readTree(lying.body()).get("message").asText()).contains("does not match");

    String page = sales.get("/customers/" + customerId).body();
    assertThat(page).contains("bon signé.pdf").doesNotContain("photo.png");
    long fileId = JSON.readTree(stored.body()).get("id").asLong();
    HttpResponse<String> preview = sales.get("/files/" + fileId);
    assertThat(preview.headers().firstValue("Content-Type")).hasValue("application/pdf");
    assertThat(preview.headers().firstValue("Content-Disposition")).hasValueSatisfying(d -> assertThat(d).startsWith("inline"));
    assertThat(sales.get("/files/" + fileId + "?download=true").headers().firstValue("Content-Disposition"))
        .hasValueSatisfying(d -> assertThat(d).startsWith("attachment"));
  }

  @Test
  void anotherUserDoesNotSeeAPrivateExchangeOnTheCustomersPage() throws Exception {
    long customerId = customer("Confidentiel et Fils");
    Api.as(rest, "sales").post("/api/communications", Map.of("type", "NOTE", "subject", "Marge négociée à 12 %",
        "start", "2026-11-20T10:00:00Z", "status", "DONE", "private", true, "customerId", customerId));
    Api.as(rest, "sales").post("/api/communications", Map.of("type", "CALL", "subject", "Appel de suivi ouvert",
        "start", "2026-11-21T10:00:00Z", "status", "DONE", "customerId", customerId));
    assertThat(loggedIn("sales").get("/customers/" + customerId).body()).contains("Marge négociée à 12 %");
    String theirs = loggedIn("sales2").get("/customers/" + customerId).body();
    assertThat(theirs).contains("Appel de suivi ouvert").doesNotContain("Marge négociée");
  }

  @Test
  void theCustomerFormSaysWhatIsWrongNextToTheFieldAndKeepsWhatWasTyped() throws Exception {
    StaffAppSession sales = loggedIn("sales");
    sales.get("/customers/new");
    Map<String, String> typed = new java.util.HashMap<>(Map.of("name", "Forme Juste SARL", "email", "pas-un-email",
        "phone", "01 23 45 67 89", "category", "PROSPECT", "acquisitionSource", "TRADE_SHOW",
        "emailConsent", "true", "emailConsentSource", "bulletin signé au salon"));
    HttpResponse<String> refused = sales.postForm("/customers", typed);
    assertThat(refused.statusCode()).isEqualTo(200);
    assertThat(refused.body()).contains("value=\"Forme Juste SARL\"").contains("value=\"pas-un-email\"")
        .contains("value=\"bulletin signé au salon\"").contains("aria-invalid=\"true\"");
    assertThat(Api.as(rest, "sales").get("/api/customers?q=Forme%20Juste").json().get("content")).isEmpty();

    typed.put("email", "contact@formejuste.example");
    HttpResponse<String> created = sales.postForm("/customers", typed);
    assertThat(created.statusCode()).isEqualTo(302);
    String location = created.headers().firstValue("Location").orElseThrow();
    long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    JsonNode customer = Api.as(rest, "sales").get("/api/customers/" + id).json();
    assertThat(customer.at("/emailConsent/granted").asBoolean()).isTrue();
    assertThat(customer.at("/emailConsent/source").asText()).isEqualTo("bulletin signé au salon");
    assertThat(customer.get("acquisitionSource").asText()).isEqualTo("TRADE_SHOW");

    // support may read customers but not create them, as in the API
    StaffAppSession support = loggedIn("support");
    assertThat(support.get("/customers/new").statusCode()).isEqualTo(403);
  }

  @Test
  void aDealPageIsForThoseWhoMayReadTheDealAndFollowingItIsOneClick() throws Exception {
    long deal = deals.openDeal("Suivi Facile SA", "12000");
    assertThat(loggedIn("courier").get("/deals/" + deal).statusCode()).isEqualTo(403);
    StaffAppSession sales = loggedIn("sales2");
    HttpResponse<String> page = sales.get("/deals/" + deal);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("Suivi Facile SA").contains("aria-current=\"step\"");
    HttpResponse<String> followed = sales.postForm("/deals/" + deal + "/follow", Map.of(), "HX-Request", "true",
        "X-CSRF-TOKEN", sales.csrf());
    assertThat(followed.statusCode()).isEqualTo(200);
    assertThat(followed.body()).contains("aria-pressed=\"true\"").contains("sales2");
    assertThat(Api.as(rest, "sales2").get("/api/subscriptions").body()).contains("\"opportunityId\":" + deal);
    sales.postForm("/deals/" + deal + "/unfollow", Map.of(), "HX-Request", "true", "X-CSRF-TOKEN", sales.csrf());
    assertThat(Api.as(rest, "sales2").get("/api/subscriptions").body()).doesNotContain("\"opportunityId\":" + deal);
    assertThat(sales.get("/deals/999999").statusCode()).isEqualTo(404);
  }

  @Test
  void theListFiltersBySourceAndByTimeSinceTheLastExchange() throws Exception {
    String tag = "Filtre" + UUID.randomUUID().toString().substring(0, 6);
    long quiet = customer(tag + " Silencieux");
    Map<String, Object> referred = new java.util.HashMap<>(Api.customer(tag + " Recommande"));
    referred.put("acquisitionSource", "REFERRAL");
    long talked = Api.as(rest, "sales").post("/api/customers", referred).json().get("id").asLong();
    Api.as(rest, "sales").post("/api/communications", Map.of("type", "CALL", "subject", "Premier appel",
        "start", java.time.Instant.now().toString(), "status", "DONE", "customerId", talked));
    StaffAppSession sales = loggedIn("sales");
    String bySource = sales.get("/customers?q=" + tag + "&source=REFERRAL").body();
    assertThat(bySource).contains("/customers/" + talked + "\"").doesNotContain("/customers/" + quiet + "\"");
    String never = sales.get("/customers?q=" + tag + "&lastContact=NEVER").body();
    assertThat(never).contains("/customers/" + quiet + "\"").doesNotContain("/customers/" + talked + "\"");
    String recent = sales.get("/customers?q=" + tag + "&lastContact=WITHIN_7_DAYS").body();
    assertThat(recent).contains("/customers/" + talked + "\"").doesNotContain("/customers/" + quiet + "\"");
  }

  @Test
  void pagesSpeakFrenchUnlessTheBrowserOrThePersonAsksForEnglish() throws Exception {
    StaffAppSession sales = loggedIn("sales");
    assertThat(sales.get("/customers").body()).contains("Nouveau client").contains("lang=\"fr\"");
    assertThat(sales.get("/customers", "Accept-Language", "en-GB,en").body()).contains("New customer");
    assertThat(sales.get("/customers?lang=en").body()).contains("New customer");
    // the choice is kept
    assertThat(sales.get("/customers").body()).contains("New customer");
  }
}
