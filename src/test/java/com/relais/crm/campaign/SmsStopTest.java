package com.relais.crm.campaign;

import static com.relais.crm.Eventually.eventuallyTrue;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.relais.crm.Api;
import com.relais.crm.HttpTest;
import com.relais.crm.messaging.EmbeddedSmsc;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * An SMS campaign over SMPP to the in-process SMSC, and a customer's "STOP" coming back through it as a
 * mobile-originated message: their SMS consent is withdrawn, the reply is in their history, the campaign counts the
 * opt-out, and the next promotional SMS skips them.
 */
@HttpTest
class SmsStopTest {
  @Autowired TestRestTemplate rest;
  @Autowired EmbeddedSmsc smsc;
  @Autowired TaskService taskService;

  private final String run = UUID.randomUUID().toString().substring(0, 6);
  private final String category = "SMS_" + run.toUpperCase().replace('-', '_');

  private long customer(String name, String phone) {
    var created = Api.as(rest, "sales").post("/api/customers", Map.of("name", name + " " + run, "phone", phone,
        "category", category, "smsConsent", Map.of("granted", true, "source", "shop counter")));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    return created.json().path("id").asLong();
  }

  private long smsCampaign(String name) {
    return Api.as(rest, "sales").post("/api/campaigns", Map.of("name", name + " " + run, "channel", "SMS",
        "purpose", "PROMOTIONAL", "text", "{{name}}: 20% off this week", "audience",
        Map.of("categories", List.of(category)))).json().path("id").asLong();
  }

  @Test
  void aStopReplyWithdrawsTheSmsConsentAndTheNextCampaignSkipsThem() {
    Api admin = Api.as(rest, "admin");
    assertThat(admin.post("/api/customer-categories", Map.of("code", category, "label", "SMS " + run)).status())
        .isEqualTo(201);
    long stopper = customer("Stopper", "+33 6 11 22 33 " + (10 + (int) (Math.random() * 89)));
    String stopperPhone = Api.as(rest, "sales").get("/api/customers/" + stopper).json().path("phone").asText();
    long keeper = customer("Keeper", "+44 7700 900" + (100 + (int) (Math.random() * 899)));

    long campaign = smsCampaign("Flash sale");
    Api.as(rest, "sales").post("/api/campaigns/" + campaign + "/submit", Map.of());
    String task = taskService.createTaskQuery().processInstanceBusinessKey("campaign-" + campaign).singleResult()
        .getId();
    assertThat(Api.as(rest, "manager").post("/engine-rest/task/" + task + "/complete", Map.of("variables",
        Map.of("campaignApproved", Map.of("value", true)))).status()).isEqualTo(204);
    eventuallyTrue(() -> smsc.received().stream().filter(sms -> sms.text().contains("20% off") && sms.text()
        .contains(run)).count() == 2);

    // the customer answers STOP from their phone; the SMSC hands it to the service's receiver session
    String e164 = stopperPhone.replaceAll("[^0-9+]", "");
    eventuallyTrue(() -> {
      smsc.deliverReply(e164, "Relais", "Stop");
      return !Api.as(rest, "sales").get("/api/customers/" + stopper).json().path("smsConsent").path("granted")
          .asBoolean();
    });
    JsonNode consent = Api.as(rest, "sales").get("/api/customers/" + stopper).json().path("smsConsent");
    assertThat(consent.path("source").asText()).isEqualTo("SMS STOP reply");
    assertThat(Api.as(rest, "sales").get("/api/customers/" + keeper).json().path("smsConsent").path("granted")
        .asBoolean()).isTrue();
    assertThat(Api.as(rest, "sales").get("/api/communications?customerId=" + stopper).json().toString())
        .contains("STOP received");
    assertThat(Api.as(rest, "sales").get("/api/campaigns/" + campaign).json().path("counts").path("optedOut")
        .asLong()).isOne();

    long next = smsCampaign("Next sale");
    JsonNode audience = Api.as(rest, "sales").get("/api/campaigns/" + next + "/audience").json();
    assertThat(audience.path("count").asLong()).isOne();
    assertThat(audience.path("excludedNoConsent").asLong()).isOne();
  }
}
