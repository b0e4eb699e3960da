package com.relais.crm.document;

import static com.relais.crm.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.relais.crm.Api;
import com.relais.crm.DealDriver;
import com.relais.crm.HttpTest;
import com.relais.crm.SignatureProvider;
import com.relais.crm.attachment.AttachmentStore;
import com.relais.crm.messaging.MailSink;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * The delivery note signed online (issue 20): the customer gets a link by e-mail, signs on the public page, and the
 * sale is won; the signed PDF's own signature verifies until any byte of it changes; a link works once, ends when
 * the reminder sends a new one, and expires (on the engine's clock, ClockUtil, which the signing code reads); the
 * e-signature provider's endpoint takes its HMAC and nothing else.
 */
@HttpTest
class OnlineSignatureOverHttpTest {
  private static final Pattern LINK = Pattern.compile("/public/sign/[A-Za-z0-9_-]{43}");
  private static final Pattern PAGE_KEY = Pattern.compile("name=\"pageKey\" value=\"([A-Za-z0-9_-]+)\"");
  private static final Pattern BYTE_RANGE = Pattern.compile("/ByteRange ?\\[ ?(\\d+) (\\d+) (\\d+) (\\d+) ?]");

  @Autowired TestRestTemplate rest;
  @Autowired DealDriver deals;
  @Autowired MailSink mail;
  @Autowired DocumentService documents;
  @Autowired AttachmentStore store;
  @Autowired ManagementService managementService;
  @Autowired JdbcTemplate jdbc;

  private final String run = UUID.randomUUID().toString().substring(0, 8);

  @AfterEach
  void resetTheClock() {
    ClockUtil.reset();
    deals.awaitQuietEngine();
  }

  @Test
  void theCustomerSignsOnThePublicPageAndTheSignedNoteProvesItUntilAByteChanges() throws Exception {
    String email = "signer-" + run + "@example.com";
    long id = dealWaitingForSignature(email);
    String link = linkMailedTo(email, 1);

    var page = rest.getForEntity(link, String.class);
    assertThat(page.getStatusCode().value()).isEqualTo(200);
    assertThat(page.getBody()).contains("<form", "name=\"name\"", "name=\"agree\"", link + "/note.pdf");
    String pageKey = pageKeyOf(page.getBody());
    var note = rest.getForEntity(link + "/note.pdf", byte[].class);
    assertThat(note.getStatusCode().value()).isEqualTo(200);
    assertThat(note.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
    assertThat(new String(note.getBody(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");

    // refused forms sign nothing: no name, no agreement, no page key or another one
    var noName = sign(link, "  ", true, pageKey);
    assertThat(noName.getStatusCode().value()).isEqualTo(400);
    assertThat(noName.getBody()).contains("Please type your name");
    assertThat(sign(link, "Claire Martin", false, pageKey).getStatusCode().value()).isEqualTo(400);
    assertThat(sign(link, "Claire Martin", true, null).getStatusCode().value()).isEqualTo(403);
    assertThat(sign(link, "Claire Martin", true, pageKey.substring(1) + "A").getStatusCode().value())
        .isEqualTo(403);
    assertThat(stage(id)).isEqualTo("SALE_5_SIGNATURE");
    assertThat(documentOfKind(id, "DELIVERY_NOTE_SIGNED")).isNull();

    var signed = sign(link, "Claire Martin", true, pageKey);
    assertThat(signed.getStatusCode().value()).as(signed.getBody()).isEqualTo(200);
    assertThat(signed.getBody()).contains("Thank you");
    deals.awaitJobs(id);
    JsonNode deal = Api.as(rest, "sales").get("/api/opportunities/" + id).json();
    assertThat(deal.path("stage").asText()).isEqualTo("SALE_6_WON");
    assertThat(deal.path("deliveryNoteSignedBy").asText()).isEqualTo("Claire Martin");

    // used once: the page, the note and a second signature are a 404 and change nothing
    assertThat(rest.getForEntity(link, String.class).getStatusCode().value()).isEqualTo(404);
    assertThat(rest.getForEntity(link + "/note.pdf", String.class).getStatusCode().value()).isEqualTo(404);
    assertThat(sign(link, "Someone Else", true, pageKey).getStatusCode().value()).isEqualTo(404);
    assertThat(deal(id).path("deliveryNoteSignedBy").asText()).isEqualTo("Claire Martin");
    // a forged or unknown token is the same 404
    assertThat(rest.getForEntity("/public/sign/" + "A".repeat(43), String.class).getStatusCode().value())
        .isEqualTo(404);
    assertThat(rest.getForEntity("/public/sign/not-a-token", String.class).getStatusCode().value()).isEqualTo(404);

    // the signed copy sits beside the original, and its own signature verifies
    JsonNode original = documentOfKind(id, "DELIVERY_NOTE");
    JsonNode copy = documentOfKind(id, "DELIVERY_NOTE_SIGNED");
    assertThat(copy).isNotNull();
    JsonNode check = signatureOf(copy);
    assertThat(check.path("signed").asBoolean()).isTrue();
    assertThat(check.path("intact").asBoolean()).isTrue();
    assertThat(check.path("signedBy").asText()).isEqualTo("Claire Martin");
    assertThat(check.path("signedAt").asText()).isNotBlank();
    assertThat(check.path("serviceKey").asBoolean()).isTrue();
    assertThat(signatureOf(original).path("signed").asBoolean()).isFalse();
    assertThat(Api.as(rest, "support").get("/api/documents/" + copy.path("id").asLong() + "/signature").status())
        .isEqualTo(403);

    // any changed byte breaks it: one in the signed bytes, one in the padding of the signature value, one added
    GeneratedDocument stored = documents.get(copy.path("id").asLong());
    byte[] pdf;
    try (InputStream in = documents.content(stored)) {
      pdf = in.readAllBytes();
    }
    try {
      byte[] inTheSignedBytes = pdf.clone();
      inTheSignedBytes[11] ^= 0x01;
      assertThat(intactWhenStoredAs(stored, copy, inTheSignedBytes)).isFalse();
      Matcher range = BYTE_RANGE.matcher(new String(pdf, StandardCharsets.ISO_8859_1));
      assertThat(range.find()).isTrue();
      byte[] inThePadding = pdf.clone();
      int lastHexDigit = Integer.parseInt(range.group(3)) - 2;
      assertThat((char) inThePadding[lastHexDigit]).isEqualTo('0');
      inThePadding[lastHexDigit] = '1';
      assertThat(intactWhenStoredAs(stored, copy, inThePadding)).isFalse();
      byte[] appended = new byte[pdf.length + 2];
      System.arraycopy(pdf, 0, appended, 0, pdf.length);
      appended[pdf.length] = '%';
      appended[pdf.length + 1] = '\n';
      assertThat(intactWhenStoredAs(stored, copy, appended)).isFalse();
    } finally {
      store.put(stored.getObjectKey(), new ByteArrayInputStream(pdf), "application/pdf");
    }
    assertThat(signatureOf(copy).path("intact").asBoolean()).isTrue();
  }

  @Test
  void theReminderMailsANewLinkAndTheEarlierOneEnds() {
    String email = "reminded-" + run + "@example.com";
    long id = dealWaitingForSignature(email);
    String first = linkMailedTo(email, 1);
    assertThat(rest.getForEntity(first, String.class).getStatusCode().value()).isEqualTo(200);

    deals.passTime(id, Duration.ofDays(3).plusMinutes(1));
    String second = linkMailedTo(email, 2);
    assertThat(second).isNotEqualTo(first);
    assertThat(rest.getForEntity(first, String.class).getStatusCode().value()).isEqualTo(404);
    assertThat(rest.getForEntity(second, String.class).getStatusCode().value()).isEqualTo(200);
  }

  @Test
  void anExpiredLinkIsRefusedAndChangesNothing() {
    String email = "late-" + run + "@example.com";
    long id = dealWaitingForSignature(email);
    String link = linkMailedTo(email, 1);
    String pageKey = pageKeyOf(rest.getForEntity(link, String.class).getBody());
    // the three-day reminder would end the link too; held back, only the link's own week counts here
    String reminder = managementService.createJobQuery().processInstanceId(deals.instance("sale", id).getId())
        .timers().singleResult().getId();
    managementService.suspendJobById(reminder);
    try {
      ClockUtil.setCurrentTime(new Date(ClockUtil.getCurrentTime().getTime()
          + Duration.ofDays(7).plusMinutes(1).toMillis()));
      assertThat(rest.getForEntity(link, String.class).getStatusCode().value()).isEqualTo(404);
      assertThat(sign(link, "Too Late", true, pageKey).getStatusCode().value()).isEqualTo(404);
    } finally {
      ClockUtil.reset();
      managementService.activateJobById(reminder);
    }
    assertThat(stage(id)).isEqualTo("SALE_5_SIGNATURE");
    assertThat(documentOfKind(id, "DELIVERY_NOTE_SIGNED")).isNull();
    assertThat(jdbc.queryForObject("select count(*) from signing_token where opportunity_id = ? and used_at is null"
        + " and revoked_at is null", Integer.class, id)).as("expired, neither used nor replaced").isOne();
  }

  @Test
  void theProvidersEndpointTakesItsHmacAndNoLogin() {
    long id = deals.openDeal("Provider Signed " + run, "900");
    long other = deals.openDeal("Provider Other " + run, "900");
    deals.negotiateToSignature(id, "EXTERNAL", false);
    String path = "/api/opportunities/" + id + "/delivery-note/signature";
    byte[] body = "{\"signedBy\":\"M. Provider\"}".getBytes(StandardCharsets.UTF_8);

    assertThat(Api.anonymous(rest).post(path, Map.of("signedBy", "Mallory")).status()).isEqualTo(401);
    assertThat(Api.as(rest, "sales").post(path, Map.of("signedBy", "Mallory")).status()).isEqualTo(401);
    assertThat(Api.as(rest, "admin").post(path, Map.of("signedBy", "Mallory")).status()).isEqualTo(401);
    assertThat(postSigned(path, body, SignatureProvider.header("not-the-shared-secret-at-all-0123456789", path,
        body))).isEqualTo(401);
    // signed for another deal's path: not replayable here
    assertThat(postSigned(path, body, SignatureProvider.header("/api/opportunities/" + other
        + "/delivery-note/signature", body))).isEqualTo(401);
    assertThat(postSigned(path, body, "sha256=zz")).isEqualTo(401);
    assertThat(stage(id)).isEqualTo("SALE_5_SIGNATURE");

    assertThat(postSigned(path, body, SignatureProvider.header(path, body))).isEqualTo(200);
    deals.awaitJobs(id);
    assertThat(stage(id)).isEqualTo("SALE_6_WON");
    assertThat(deal(id).path("deliveryNoteSignedBy").asText()).isEqualTo("M. Provider");
  }

  /** A deal of a customer with this address, won in negotiation: its note is sent and the link mailed. */
  private long dealWaitingForSignature(String email) {
    Api sales = Api.as(rest, "sales");
    long customerId = sales.post("/api/customers", Map.of("name", "Signing Customer " + email, "email", email,
        "category", "PROSPECT", "acquisitionSource", "WEBSITE")).json().path("id").asLong();
    long id = sales.post("/api/opportunities", Map.of("customerId", customerId, "title", "Shelving " + email,
        "amount", 4200, "currency", "EUR")).json().path("id").asLong();
    deals.negotiateToSignature(id, "EXTERNAL", false);
    return id;
  }

  /** The path of the signing link in the n-th mail this address received. */
  private String linkMailedTo(String email, int nth) {
    List<MailSink.ReceivedMail> mails = eventually(() -> mail.received().stream()
        .filter(m -> m.to().contains(email)).toList(), received -> received.size() >= nth);
    Matcher link = LINK.matcher(mails.get(nth - 1).text());
    assertThat(link.find()).as(mails.get(nth - 1).text()).isTrue();
    return link.group();
  }

  private static String pageKeyOf(String page) {
    Matcher key = PAGE_KEY.matcher(page);
    assertThat(key.find()).as(page).isTrue();
    return key.group(1);
  }

  private ResponseEntity<String> sign(String link, String name, boolean agree, String pageKey) {
    MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
    form.add("name", name);
    if (agree) {
      form.add("agree", "yes");
    }
    if (pageKey != null) {
      form.add("pageKey", pageKey);
    }
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
    return rest.postForEntity(link, new HttpEntity<>(form, headers), String.class);
  }

  private int postSigned(String path, byte[] body, String signature) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    headers.set(SignatureProvider.HEADER, signature);
    return rest.exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers), String.class).getStatusCode()
        .value();
  }

  private JsonNode deal(long id) {
    return Api.as(rest, "sales").get("/api/opportunities/" + id).json();
  }

  private String stage(long id) {
    return deal(id).path("stage").asText();
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

  private boolean intactWhenStoredAs(GeneratedDocument stored, JsonNode document, byte[] bytes) {
    store.put(stored.getObjectKey(), new ByteArrayInputStream(bytes), "application/pdf");
    JsonNode check = signatureOf(document);
    assertThat(check.path("signed").asBoolean()).as("still a signed PDF").isTrue();
    return check.path("intact").asBoolean();
  }
}
