package com.relais.crm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

/** The defects a new user met in the API (issue: modules, docs and the defects a new user hit), each pinned. */
@HttpTest
class NewUserDefectsTest {
  @Autowired TestRestTemplate rest;
  @Autowired DealDriver deals;

  private long newCustomer(Api as, String name) {
    var created = as.post("/api/customers", Map.of("name", name));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    return created.json().path("id").asLong();
  }

  private long newDeal(Api as, long customerId, String title, int amount) {
    var created = as.post("/api/opportunities", Map.of("customerId", customerId, "title", title, "amount", amount));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    return created.json().path("id").asLong();
  }

  @Test
  void aNameIsEnoughForACustomerAndADealTakesTheCompanyCurrency() {
    Api sales = Api.as(rest, "sales");
    var customer = sales.get("/api/customers/" + newCustomer(sales, "Only A Name " + UUID.randomUUID()));
    assertThat(customer.json().path("category").asText()).isEqualTo("PROSPECT");
    assertThat(customer.json().path("acquisitionSource").asText()).isEqualTo("OTHER");

    long deal = newDeal(sales, customer.json().path("id").asLong(), "No currency given", 1200);
    assertThat(sales.get("/api/opportunities/" + deal).json().path("currency").asText()).isEqualTo("EUR");

    var wrong = sales.post("/api/customers", Map.of("name", "Wrong category", "category", "VIP"));
    assertThat(wrong.status()).isEqualTo(400);
    assertThat(wrong.body()).contains("category");
  }

  @Test
  void aPartialUpdateKeepsWhatItDoesNotNameAndNeverClearsAConsentSilently() {
    Api sales = Api.as(rest, "sales");
    var created = sales.post("/api/customers", Map.of("name", "Maison Keep", "email", "keep@example.com",
        "emailConsent", Map.of("granted", true, "source", "signed form")));
    long id = created.json().path("id").asLong();

    var put = sales.put("/api/customers/" + id, Map.of("name", "Maison Keep & Co", "category", "PARTNER",
        "acquisitionSource", "REFERRAL"));
    assertThat(put.status()).as(put.body()).isEqualTo(200);
    assertThat(put.json().path("email").asText()).isEqualTo("keep@example.com");
    assertThat(put.json().path("emailConsent").path("granted").asBoolean()).isTrue();
    assertThat(put.json().path("emailConsent").path("source").asText()).isEqualTo("signed form");

    var patch = mergePatch(sales, "/api/customers/" + id, "{\"phone\": \"+33 1 02 03 04 05\", \"address\": null}");
    assertThat(patch.status()).as(patch.body()).isEqualTo(200);
    assertThat(patch.json().path("phone").asText()).isEqualTo("+33 1 02 03 04 05");
    assertThat(patch.json().path("name").asText()).isEqualTo("Maison Keep & Co");
    assertThat(patch.json().path("emailConsent").path("granted").asBoolean()).isTrue();

    // a consent without saying granted, or cleared with null, is refused and changes nothing
    var silent = sales.put("/api/customers/" + id, Map.of("emailConsent", Map.of("source", "someone")));
    assertThat(silent.status()).isEqualTo(400);
    var cleared = mergePatch(sales, "/api/customers/" + id, "{\"emailConsent\": null, \"name\": \"Changed\"}");
    assertThat(cleared.status()).isEqualTo(400);
    assertThat(cleared.json().path("errors").get(0).path("field").asText()).isEqualTo("emailConsent");
    var after = sales.get("/api/customers/" + id).json();
    assertThat(after.path("name").asText()).isEqualTo("Maison Keep & Co");
    assertThat(after.path("emailConsent").path("granted").asBoolean()).isTrue();

    // withdrawing is explicit
    var withdrawn = mergePatch(sales, "/api/customers/" + id,
        "{\"emailConsent\": {\"granted\": false, \"source\": \"asked by phone\"}}");
    assertThat(withdrawn.json().path("emailConsent").path("granted").asBoolean()).isFalse();
    assertThat(withdrawn.json().path("emailConsent").path("source").asText()).isEqualTo("asked by phone");
  }

  private Api.Response mergePatch(Api as, String path, String body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.valueOf("application/merge-patch+json"));
    headers.setAccept(java.util.List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON));
    return new Api.Response(as.rest().exchange(path, HttpMethod.PATCH, new HttpEntity<>(body, headers),
        String.class));
  }

  @Test
  void aWonDealMakesAProspectACustomerAndOnlyAWonDealGetsAnAfterSale() {
    Api sales = Api.as(rest, "sales");
    long deal = deals.openDeal("Prospect To Customer " + UUID.randomUUID(), "900");
    long customer = sales.get("/api/opportunities/" + deal).json().path("customerId").asLong();
    assertThat(sales.post("/api/opportunities/" + deal + "/after-sale", Map.of()).status()).isEqualTo(409);

    deals.winDeal(deal, "EXTERNAL", false);
    assertThat(sales.get("/api/customers/" + customer).json().path("category").asText()).isEqualTo("CUSTOMER");

    long lost = deals.openDeal("Lost Deal " + UUID.randomUUID(), "500");
    deals.complete(lost, "userTask_qualifyProspect", Map.of("saleOutcome", "LOST"));
    var refused = sales.post("/api/opportunities/" + lost + "/after-sale", Map.of());
    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.json().path("detail").asText()).contains("SALE_LOST", "only a won deal");
  }

  @Test
  void aCrmRuleRefusingAnEngineStepIsA409OnTheEngineApi() {
    long lost = deals.openDeal("Refused Restart " + UUID.randomUUID(), "500");
    deals.complete(lost, "userTask_qualifyProspect", Map.of("saleOutcome", "LOST"));

    var restart = Api.as(rest, "admin").post("/engine-rest/process-definition/key/sale/start",
        Map.of("businessKey", Long.toString(lost)));
    assertThat(restart.status()).as(restart.body()).isEqualTo(409);
    assertThat(restart.json().path("message").asText()).contains("SALE_LOST");
    assertThat(restart.body()).doesNotContain("Exception:").doesNotContain("\tat ");
  }

  @Test
  void dealsAreListedFilteredAndFoundByTheQuickSearch() {
    Api sales = Api.as(rest, "sales");
    String tag = "Filter" + UUID.randomUUID().toString().substring(0, 6);
    long customer = newCustomer(sales, "Client " + tag);
    long small = newDeal(sales, customer, "Small " + tag, 100);
    long big = newDeal(sales, customer, "Big " + tag, 90000);

    JsonNode byName = sales.get("/api/opportunities?q=" + tag.toLowerCase()).json();
    assertThat(byName.path("content")).hasSize(2);
    assertThat(byName.path("content").get(0).path("customerName").asText()).isEqualTo("Client " + tag);
    JsonNode bigOnes = sales.get("/api/opportunities?q=" + tag + "&minAmount=1000&stage=SALE_1_PROSPECT").json();
    assertThat(bigOnes.path("content")).hasSize(1);
    assertThat(bigOnes.path("content").get(0).path("id").asLong()).isEqualTo(big);
    JsonNode mine = sales.get("/api/opportunities?owner=sales&q=" + tag + "&maxAmount=100").json();
    assertThat(mine.path("content").get(0).path("id").asLong()).isEqualTo(small);

    assertThat(sales.get("/api/opportunities?minAmount=10&maxAmount=5").status()).isEqualTo(400);
    assertThat(Api.as(rest, "logistics").get("/api/opportunities?q=" + tag).status()).isEqualTo(403);

    JsonNode hits = sales.get("/api/search?q=" + tag).json();
    assertThat(hits.path("deals")).hasSize(2);
  }

  @Test
  void anUnknownApiPathIsAProblemJson404() {
    var unknown = Api.as(rest, "sales").get("/api/no-such-resource");
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.contentType()).startsWith("application/problem+json");
    assertThat(unknown.json().path("title").asText()).isNotBlank();
  }

  @Test
  void theApiReferenceNamesEachCataloguePath() {
    JsonNode paths = Api.as(rest, "sales").get("/v3/api-docs").json().path("paths");
    assertThat(paths.has("/api/communication-types")).isTrue();
    assertThat(paths.has("/api/communication-statuses")).isTrue();
    assertThat(paths.has("/api/{kind}")).isFalse();
  }

  @Test
  void anEarlySignatureSaysWhatTheDealWaitsFor() {
    long deal = deals.openDeal("Early Signer " + UUID.randomUUID(), "700");
    deals.complete(deal, "userTask_qualifyProspect", Map.of("saleOutcome", "OPEN"));
    var early = Api.signatureProvider(rest).post("/api/opportunities/" + deal + "/delivery-note/signature",
        Map.of("signedBy", "M. Early"));
    assertThat(early.status()).isEqualTo(409);
    assertThat(early.json().path("detail").asText()).contains("waits for the task 'Prepare");
  }
}
