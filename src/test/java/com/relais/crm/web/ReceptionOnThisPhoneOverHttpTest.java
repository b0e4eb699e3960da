package com.relais.crm.web;

import static com.relais.crm.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.relais.crm.Api;
import com.relais.crm.DealDriver;
import com.relais.crm.HttpTest;
import com.relais.crm.messaging.MailSink;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * "Sign the reception on this phone" on a deal's page (issue 20): only for those who may complete the reception task
 * (logistics, its candidate group; not sales, who may read the deal), it opens a fresh reception link, which ends the
 * link mailed to the customer; the customer refuses there with a reason and the support case opens with it. The page
 * itself: ReceptionOnSiteOverHttpTest.
 */
@HttpTest
class ReceptionOnThisPhoneOverHttpTest {
  private static final Pattern RECEPTION_LINK = Pattern.compile("/public/reception/[A-Za-z0-9_-]{43}");
  private static final Pattern PAGE_KEY = Pattern.compile("name=\"pageKey\" value=\"([A-Za-z0-9_-]+)\"");
  private static final String REASON = "Two crates crushed, one missing";

  @LocalServerPort int port;
  @Autowired TestRestTemplate rest;
  @Autowired DealDriver deals;
  @Autowired MailSink mail;

  @AfterEach
  void quietEngine() {
    deals.awaitQuietEngine();
  }

  @Test
  void whoMayRecordTheReceptionOpensItOnTheirPhoneAndTheMailedLinkEnds() throws Exception {
    Map<String, Object> customer = Api.customer("Reception Phone " + UUID.randomUUID().toString().substring(0, 8));
    String email = (String) customer.get("email");
    Api sales = Api.as(rest, "sales");
    long customerId = sales.post("/api/customers", customer).json().path("id").asLong();
    long id = sales.post("/api/opportunities", Map.of("customerId", customerId, "title", "Shelves on site",
        "amount", 2400, "currency", "EUR")).json().path("id").asLong();
    deals.winDeal(id, "INTERNAL", true);
    deals.complete(id, "userTask_confirmDelivery", Map.of("confirmed", true));
    deals.complete(id, "userTask_payTransport", Map.of("paymentReference", "PAY-P-" + id));
    String mailed = mailedReceptionLink(email);
    String button = "/deals/" + id + "/reception-link";

    // sales may read the deal but not record its reception: no button, and a post is refused
    StaffAppSession salesApp = loggedIn("sales");
    HttpResponse<String> salesPage = salesApp.get("/deals/" + id);
    assertThat(salesPage.statusCode()).isEqualTo(200);
    assertThat(salesPage.body()).doesNotContain(button);
    assertThat(salesApp.postForm(button, Map.of()).statusCode()).isEqualTo(403);
    assertThat(rest.getForEntity(mailed, String.class).getStatusCode().value()).isEqualTo(200);

    StaffAppSession logistics = loggedIn("logistics");
    assertThat(logistics.get("/deals/" + id).body()).contains(button);
    HttpResponse<String> opened = logistics.postForm(button, Map.of());
    assertThat(opened.statusCode()).isEqualTo(302);
    String onSite = URI.create(opened.headers().firstValue("Location").orElseThrow()).getPath();
    assertThat(onSite).matches(RECEPTION_LINK.pattern());
    // one live link per reception: the customer's mailed link ends
    assertThat(rest.getForEntity(mailed, String.class).getStatusCode().value()).isEqualTo(404);

    var page = rest.getForEntity(onSite, String.class);
    assertThat(page.getStatusCode().value()).isEqualTo(200);
    Matcher key = PAGE_KEY.matcher(page.getBody());
    assertThat(key.find()).isTrue();
    var refused = receive(onSite, "Marc Petit", "NEGATIVE", REASON, key.group(1));
    assertThat(refused.getStatusCode().value()).as(refused.getBody()).isEqualTo(200);
    deals.awaitJobs(id);

    JsonNode delivery = Api.as(rest, "logistics").get("/api/opportunities/" + id + "/delivery").json();
    assertThat(delivery.path("stage").asText()).isEqualTo("DELIVERY_8_REJECTED");
    JsonNode supportCase = Api.as(rest, "support").get("/api/support-cases/"
        + delivery.path("supportCaseId").asLong()).json();
    assertThat(supportCase.path("reason").asText()).isEqualTo(REASON);

    // recorded: no more button, and a late press comes back to the deal's page
    assertThat(logistics.get("/deals/" + id).body()).doesNotContain(button);
    HttpResponse<String> late = logistics.postForm(button, Map.of());
    assertThat(late.statusCode()).isEqualTo(302);
    assertThat(URI.create(late.headers().firstValue("Location").orElseThrow()).getPath()).isEqualTo("/deals/" + id);
  }

  private StaffAppSession loggedIn(String user) throws Exception {
    StaffAppSession session = new StaffAppSession(port);
    assertThat(session.logIn(user).headers().firstValue("Location")).hasValueSatisfying(
        location -> assertThat(location).doesNotContain("error"));
    return session;
  }

  private String mailedReceptionLink(String email) {
    List<String> links = eventually(() -> mail.received().stream()
        .filter(m -> m.to().contains(email))
        .map(m -> RECEPTION_LINK.matcher(m.text()))
        .filter(Matcher::find)
        .map(Matcher::group)
        .toList(), found -> !found.isEmpty());
    return links.get(0);
  }

  private ResponseEntity<String> receive(String link, String name, String outcome, String reason, String pageKey) {
    MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
    form.add("name", name);
    form.add("outcome", outcome);
    form.add("reason", reason);
    form.add("pageKey", pageKey);
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
    return rest.postForEntity(link, new HttpEntity<>(form, headers), String.class);
  }
}
