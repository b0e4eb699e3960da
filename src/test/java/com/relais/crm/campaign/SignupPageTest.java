package com.relais.crm.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.relais.crm.Api;
import com.relais.crm.HttpTest;
import com.relais.crm.messaging.MailSink;
import java.time.Duration;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
 * The public sign-up form, without a login: a prospect with their source and a deal whose sale starts; the e-mail
 * consent counts only after the confirmation link (a forged one changes nothing); a bot that fills the hidden field
 * is thanked and nothing is kept; too many sign-ups from one address are refused.
 */
@HttpTest
class SignupPageTest {
  @Autowired TestRestTemplate rest;
  @Autowired MailSink mail;

  private ResponseEntity<String> post(String name, String email, String website, boolean emailConsent) {
    MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
    form.add("name", name);
    if (email != null) {
      form.add("email", email);
    }
    form.add("phone", "+33 6 12 34 56 78");
    form.add("source", "REFERRAL");
    if (emailConsent) {
      form.add("emailConsent", "yes");
    }
    form.add("smsConsent", "yes");
    form.add("website", website);
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
    return rest.postForEntity("/public/signup", new HttpEntity<>(form, headers), String.class);
  }

  private JsonNode customerNamed(String name) {
    JsonNode page = Api.as(rest, "admin").get("/api/customers?q=" + name).json();
    for (JsonNode customer : page.path("content")) {
      if (name.equals(customer.path("name").asText())) {
        return customer;
      }
    }
    return null;
  }

  @Test
  void aProspectSignsUpConfirmsTheirEmailsAndTheSaleStarts() throws Exception {
    String run = UUID.randomUUID().toString().substring(0, 6);
    var form = rest.getForEntity("/public/signup", String.class);
    assertThat(form.getStatusCode().value()).isEqualTo(200);
    assertThat(form.getBody()).contains("<form", "name=\"website\"", "How did you hear of us?");

    // a bot fills the field people never see: thanked, nothing kept
    assertThat(post("Bot " + run, "bot" + run + "@example.com", "http://spam.example", true).getBody())
        .contains("Thank you");
    assertThat(customerNamed("Bot " + run)).isNull();
    var incomplete = post("", null, "", false);
    assertThat(incomplete.getStatusCode().value()).isEqualTo(400);
    assertThat(incomplete.getBody()).contains("your name");

    String name = "Signed Up " + run;
    String email = "signed" + run + "@example.com";
    var signed = post(name, email, "", true);
    assertThat(signed.getStatusCode().value()).isEqualTo(200);
    assertThat(signed.getBody()).contains("confirm");
    JsonNode customer = customerNamed(name);
    assertThat(customer.path("acquisitionSource").asText()).isEqualTo("REFERRAL");
    assertThat(customer.path("category").asText()).isEqualTo("PROSPECT");
    assertThat(customer.path("emailConsent").path("granted").asBoolean()).as("not before the link").isFalse();
    assertThat(customer.path("smsConsent").path("granted").asBoolean()).isTrue();
    JsonNode deals = Api.as(rest, "sales").get("/api/opportunities?customerId=" + customer.path("id").asLong()).json();
    assertThat(deals.toString()).contains("Sign-up: " + name, "SALE_1_PROSPECT");

    // the confirmation link, and a forged one
    MailSink.ReceivedMail confirmation = null;
    long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (confirmation == null && System.nanoTime() < until) {
      confirmation = mail.received().stream().filter(m -> m.to().contains(email)).findFirst().orElse(null);
      Thread.sleep(100);
    }
    assertThat(confirmation).isNotNull();
    Matcher link = Pattern.compile("(/public/signup/confirm\\?token=\\S+)").matcher(confirmation.text());
    assertThat(link.find()).isTrue();
    String token = link.group(1).substring(link.group(1).indexOf('=') + 1);
    assertThat(rest.getForEntity("/public/signup/confirm?token=" + token.substring(1), String.class)
        .getStatusCode().value()).isEqualTo(400);
    // a token of another page (unsubscribing) is not a confirmation
    assertThat(rest.getForEntity("/public/unsubscribe?token=" + token, String.class).getStatusCode().value())
        .isEqualTo(400);
    assertThat(customerNamed(name).path("emailConsent").path("granted").asBoolean()).isFalse();
    assertThat(rest.getForEntity(link.group(1), String.class).getBody()).contains("Confirmed");
    JsonNode consent = customerNamed(name).path("emailConsent");
    assertThat(consent.path("granted").asBoolean()).isTrue();
    assertThat(consent.path("source").asText()).isEqualTo("sign-up form, confirmed by e-mail link");
    assertThat(rest.getForEntity(link.group(1), String.class).getBody()).contains("Already confirmed");

    // one address may not sign up without end
    int status = 200;
    for (int i = 0; i < 10 && status != 429; i++) {
      status = post("Flood " + i + " " + run, null, "", false).getStatusCode().value();
    }
    assertThat(status).isEqualTo(429);
  }
}
