package com.relais.crm.document;

import static com.relais.crm.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.relais.crm.Api;
import com.relais.crm.DealDriver;
import com.relais.crm.HttpTest;
import com.relais.crm.messaging.MailSink;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * The reception on site (issue 20): when the delivery reaches its reception task, the customer is mailed a link to
 * the public reception page; accepted there, the delivery is received and the signed reception note verifies;
 * refused with a reason, the support case opens with that reason. A link works once, a refused form records nothing,
 * and a made-up token, or a delivery note's token, opens nothing. The staff's button: ReceptionOnThisPhoneOverHttpTest.
 */
@HttpTest
class ReceptionOnSiteOverHttpTest {
  private static final Pattern RECEPTION_LINK = Pattern.compile("/public/reception/[A-Za-z0-9_-]{43}");
  private static final Pattern SIGNING_TOKEN = Pattern.compile("/public/sign/([A-Za-z0-9_-]{43})");
  private static final Pattern PAGE_KEY = Pattern.compile("name=\"pageKey\" value=\"([A-Za-z0-9_-]+)\"");
  private static final String REASON = "Palette abîmée, film déchiré";

  @Autowired TestRestTemplate rest;
  @Autowired DealDriver deals;
  @Autowired MailSink mail;

  private final String run = UUID.randomUUID().toString().substring(0, 8);

  @AfterEach
  void quietEngine() {
    deals.awaitQuietEngine();
  }

  @Test
  void theCustomerAcceptsOnThePageTheDeliveryIsReceivedAndTheSignedNoteVerifies() {
    String email = "accepting-" + run + "@example.com";
    long id = dealAtReception(email);
    String link = mailedLink(email, RECEPTION_LINK).group();

    var page = rest.getForEntity(link, String.class);
    assertThat(page.getStatusCode().value()).isEqualTo(200);
    assertThat(page.getBody()).contains("<form", "name=\"name\"", "value=\"POSITIVE\"", "value=\"NEGATIVE\"",
        "name=\"reason\"", link + "/note.pdf");
    String pageKey = pageKeyOf(page.getBody());
    var note = rest.getForEntity(link + "/note.pdf", byte[].class);
    assertThat(note.getStatusCode().value()).isEqualTo(200);
    assertThat(note.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
    assertThat(new String(note.getBody(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");

    var accepted = receive(link, "Claire Martin", "POSITIVE", "", pageKey);
    assertThat(accepted.getStatusCode().value()).as(accepted.getBody()).isEqualTo(200);
    assertThat(accepted.getBody()).contains("Thank you", "received in good condition");
    deals.awaitJobs(id);

    JsonNode delivery = delivery(id);
    assertThat(delivery.path("stage").asText()).isEqualTo("DELIVERY_7_RECEIVED");
    assertThat(delivery.path("receptionOutcome").asText()).isEqualTo("POSITIVE");
    assertThat(delivery.path("supportCaseId").asLong()).as("no support case").isZero();
    JsonNode copy = documentOfKind(id, "RECEPTION_NOTE_SIGNED");
    assertThat(copy).as("the signed reception note beside the original").isNotNull();
    assertThat(documentOfKind(id, "RECEPTION_NOTE")).isNotNull();
    JsonNode check = signatureOf(copy);
    assertThat(check.path("signed").asBoolean()).isTrue();
    assertThat(check.path("intact").asBoolean()).isTrue();
    assertThat(check.path("signedBy").asText()).isEqualTo("Claire Martin");

    // used once: the page, the note and a second reception are a 404 and change nothing
    assertThat(rest.getForEntity(link, String.class).getStatusCode().value()).isEqualTo(404);
    assertThat(rest.getForEntity(link + "/note.pdf", String.class).getStatusCode().value()).isEqualTo(404);
    assertThat(receive(link, "Someone Else", "NEGATIVE", "Changed my mind", pageKey).getStatusCode().value())
        .isEqualTo(404);
    deals.awaitJobs(id);
    assertThat(delivery(id).path("stage").asText()).isEqualTo("DELIVERY_7_RECEIVED");
    assertThat(delivery(id).path("receptionOutcome").asText()).isEqualTo("POSITIVE");
  }

  @Test
  void aRefusalWithItsReasonOpensTheSupportCaseWithThatReasonAndOneWithoutIsRefused() {
    String email = "refusing-" + run + "@example.com";
    long id = dealAtReception(email);
    String link = mailedLink(email, RECEPTION_LINK).group();
    String pageKey = pageKeyOf(rest.getForEntity(link, String.class).getBody());

    // refused forms record nothing: a refusal without its reason, no choice, no name, no page key
    var noReason = receive(link, "Paul Durand", "NEGATIVE", "   ", pageKey);
    assertThat(noReason.getStatusCode().value()).isEqualTo(400);
    assertThat(noReason.getBody()).contains("Please say why you refuse the delivery", "value=\"Paul Durand\"");
    assertThat(receive(link, "Paul Durand", null, REASON, pageKey).getStatusCode().value()).isEqualTo(400);
    assertThat(receive(link, "Paul Durand", "MAYBE", REASON, pageKey).getStatusCode().value()).isEqualTo(400);
    assertThat(receive(link, "  ", "NEGATIVE", REASON, pageKey).getStatusCode().value()).isEqualTo(400);
    assertThat(receive(link, "Paul Durand", "NEGATIVE", REASON, null).getStatusCode().value()).isEqualTo(403);
    var escaped = receive(link, "Paul <b>Durand</b>", "NEGATIVE", "", pageKey);
    assertThat(escaped.getBody()).contains("Paul &lt;b&gt;Durand&lt;/b&gt;").doesNotContain("<b>Durand");
    deals.awaitJobs(id);
    deals.task(id, "userTask_recordReception");
    assertThat(delivery(id).path("stage").asText()).isEqualTo("DELIVERY_6_PAYMENT");
    assertThat(documentOfKind(id, "RECEPTION_NOTE_SIGNED")).isNull();

    var refused = receive(link, "Paul Durand", "NEGATIVE", REASON, pageKey);
    assertThat(refused.getStatusCode().value()).as(refused.getBody()).isEqualTo(200);
    assertThat(refused.getBody()).contains("The refusal is recorded");
    deals.awaitJobs(id);

    JsonNode delivery = delivery(id);
    assertThat(delivery.path("stage").asText()).isEqualTo("DELIVERY_8_REJECTED");
    assertThat(delivery.path("receptionOutcome").asText()).isEqualTo("NEGATIVE");
    assertThat(delivery.path("receptionComment").asText()).isEqualTo(REASON);
    long caseId = delivery.path("supportCaseId").asLong();
    assertThat(caseId).isPositive();
    var supportCase = Api.as(rest, "support").get("/api/support-cases/" + caseId);
    assertThat(supportCase.status()).as(supportCase.body()).isEqualTo(200);
    assertThat(supportCase.json().path("reason").asText()).isEqualTo(REASON);
    JsonNode check = signatureOf(documentOfKind(id, "RECEPTION_NOTE_SIGNED"));
    assertThat(check.path("intact").asBoolean()).isTrue();
    assertThat(check.path("signedBy").asText()).isEqualTo("Paul Durand");
    assertThat(receive(link, "Paul Durand", "NEGATIVE", REASON, pageKey).getStatusCode().value()).isEqualTo(404);
  }

  @Test
  void aMadeUpTokenOrADeliveryNotesTokenOpensNothing() {
    assertThat(receive("/public/reception/" + "A".repeat(43), "Mallory", "NEGATIVE", "Made up", "made-up-key")
        .getStatusCode().value()).isEqualTo(404);
    assertThat(receive("/public/reception/not-a-token", "Mallory", "POSITIVE", "", null).getStatusCode().value())
        .isEqualTo(404);
    assertThat(rest.getForEntity("/public/reception/" + "A".repeat(43), String.class).getStatusCode().value())
        .isEqualTo(404);

    // the deal's delivery note link is still open (the test's sale was won without it), for its own page only
    String email = "other-purpose-" + run + "@example.com";
    long id = dealAtReception(email);
    String signingToken = mailedLink(email, SIGNING_TOKEN).group(1);
    assertThat(rest.getForEntity("/public/reception/" + signingToken, String.class).getStatusCode().value())
        .isEqualTo(404);
    assertThat(receive("/public/reception/" + signingToken, "Mallory", "NEGATIVE", "Other purpose", null)
        .getStatusCode().value()).isEqualTo(404);
    deals.awaitJobs(id);
    deals.task(id, "userTask_recordReception");
    assertThat(documentOfKind(id, "RECEPTION_NOTE_SIGNED")).isNull();
  }

  /**
   * A deal of a customer with this address, won (delivery note signed), its transport confirmed and paid: the
   * delivery waits at its reception task, and the reception link is mailed.
   */
  private long dealAtReception(String email) {
    Api sales = Api.as(rest, "sales");
    long customerId = sales.post("/api/customers", Map.of("name", "Reception Customer " + email, "email", email,
        "category", "PROSPECT", "acquisitionSource", "WEBSITE")).json().path("id").asLong();
    long id = sales.post("/api/opportunities", Map.of("customerId", customerId, "title", "Racks " + email,
        "amount", 3600, "currency", "EUR")).json().path("id").asLong();
    deals.winDeal(id, "INTERNAL", true);
    deals.complete(id, "userTask_confirmDelivery", Map.of("confirmed", true));
    deals.complete(id, "userTask_payTransport", Map.of("paymentReference", "PAY-R-" + id));
    deals.task(id, "userTask_recordReception");
    return id;
  }

  /** The first link of this shape in a mail this address received. */
  private Matcher mailedLink(String email, Pattern link) {
    List<Matcher> found = eventually(() -> mail.received().stream()
        .filter(m -> m.to().contains(email))
        .map(m -> link.matcher(m.text()))
        .filter(Matcher::find)
        .toList(), matches -> !matches.isEmpty());
    return found.get(0);
  }

  private static String pageKeyOf(String page) {
    Matcher key = PAGE_KEY.matcher(page);
    assertThat(key.find()).as(page).isTrue();
    return key.group(1);
  }

  private ResponseEntity<String> receive(String link, String name, String outcome, String reason, String pageKey) {
    MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
    form.add("name", name);
    if (outcome != null) {
      form.add("outcome", outcome);
    }
    form.add("reason", reason);
    if (pageKey != null) {
      form.add("pageKey", pageKey);
    }
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
    return rest.postForEntity(link, new HttpEntity<>(form, headers), String.class);
  }

  private JsonNode delivery(long id) {
    var answer = Api.as(rest, "logistics").get("/api/opportunities/" + id + "/delivery");
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    return answer.json();
  }

  private JsonNode documentOfKind(long id, String kind) {
    for (JsonNode document : Api.as(rest, "sales").get("/api/opportunities/" + id + "/documents").json()) {
      if (kind.equals(document.path("kind").asText())) {
        return document;
      }
    }
    return null;
  }

  private JsonNode signatureOf(JsonNode document) {
    var answer = Api.as(rest, "sales").get("/api/documents/" + document.path("id").asLong() + "/signature");
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    return answer.json();
  }
}
