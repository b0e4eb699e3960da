package com.relais.crm.webapps;

import static org.assertj.core.api.Assertions.assertThat;

import com.relais.crm.Api;
import com.relais.crm.HttpTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

/** The API and the webapps as a browser meets them: JSON by default, no password dialog, 404 for what is not ours. */
@HttpTest
class StaffMeetTheApiTest {
  private static final String BROWSER_ACCEPT =
      "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8";

  @Autowired TestRestTemplate rest;

  private ResponseEntity<String> get(String path, HttpHeaders headers) {
    return rest.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), String.class);
  }

  private static HttpHeaders browser() {
    HttpHeaders headers = new HttpHeaders();
    headers.set(HttpHeaders.ACCEPT, BROWSER_ACCEPT);
    headers.set("Sec-Fetch-Mode", "navigate");
    return headers;
  }

  @Test
  void aCustomerOpenedInABrowserIsJson() {
    long id = Api.as(rest, "sales").post("/api/customers", Api.customer("Json In A Browser")).json().path("id")
        .asLong();
    HttpHeaders headers = browser();
    headers.setBasicAuth("sales", "sales");
    var answer = get("/api/customers/" + id, headers);
    assertThat(answer.getStatusCode().value()).isEqualTo(200);
    assertThat(answer.getHeaders().getContentType().toString()).startsWith("application/json");
    assertThat(answer.getBody()).startsWith("{").contains("Json In A Browser");
  }

  @Test
  void theWebappsLoginPagesMeetNoPasswordChallenge() {
    // what the Tasklist, Cockpit and Admin login pages ask for on every load
    var welcome = get("/camunda-welcome", browser());
    assertThat(welcome.getStatusCode().value()).isEqualTo(404);
    assertThat(welcome.getHeaders().get(HttpHeaders.WWW_AUTHENTICATE)).isNull();

    var api = get("/api/customers", browser());
    assertThat(api.getStatusCode().value()).isEqualTo(401);
    assertThat(api.getHeaders().get(HttpHeaders.WWW_AUTHENTICATE)).as("no browser dialog").isNull();
    var engine = get("/engine-rest/task", browser());
    assertThat(engine.getStatusCode().value()).isEqualTo(401);
    assertThat(engine.getHeaders().get(HttpHeaders.WWW_AUTHENTICATE)).as("no browser dialog").isNull();
  }

  @Test
  void programsStillGetTheBasicChallenge() {
    var api = get("/api/customers", new HttpHeaders());
    assertThat(api.getStatusCode().value()).isEqualTo(401);
    assertThat(api.getHeaders().get(HttpHeaders.WWW_AUTHENTICATE)).isEqualTo(List.of("Basic realm=\"Relais CRM\""));
    var engine = get("/engine-rest/task", new HttpHeaders());
    assertThat(engine.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Basic");
  }

  @Test
  void theApiReferenceHasATitleAndTagsPerCapability() {
    var doc = Api.as(rest, "sales").get("/v3/api-docs").json();
    assertThat(doc.path("info").path("title").asText()).isEqualTo("Relais CRM API");
    List<String> tags = new java.util.ArrayList<>();
    doc.path("tags").forEach(tag -> tags.add(tag.path("name").asText()));
    assertThat(tags).contains("Customers", "Deals", "Attachments").noneMatch(t -> t.endsWith("-controller"));
    var createCustomer = doc.path("paths").path("/api/customers").path("post");
    assertThat(createCustomer.path("summary").asText()).isNotBlank();
    assertThat(createCustomer.path("responses").has("400")).isTrue();
    assertThat(createCustomer.path("responses").path("400").path("content").has("application/problem+json")).isTrue();
  }
}
