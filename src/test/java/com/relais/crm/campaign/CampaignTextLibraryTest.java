package com.relais.crm.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.relais.crm.Api;
import com.relais.crm.HttpTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/** Ready texts admins keep, and a campaign started from one. */
@HttpTest
class CampaignTextLibraryTest {
  @Autowired TestRestTemplate rest;

  @Test
  void adminsKeepReadyTextsAndACampaignStartsFromOne() {
    String run = UUID.randomUUID().toString().substring(0, 6);
    Api admin = Api.as(rest, "admin");
    Api sales = Api.as(rest, "sales");
    assertThat(sales.get("/api/campaign-texts").json().toString()).contains("Delivery reminder", "New season");
    Map<String, Object> text = Map.of("name", "Open day " + run, "channel", "EMAIL", "purpose", "PROMOTIONAL",
        "subject", "Open day, {{name}}", "text", "Dear {{name}}, come on Saturday.");
    assertThat(sales.post("/api/campaign-texts", text).status()).isEqualTo(403);
    var bad = admin.post("/api/campaign-texts", Map.of("name", "Bad " + run, "channel", "SMS", "purpose",
        "INFORMATIONAL", "text", "Hello {{firstname}}"));
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.json().path("detail").asText()).contains("firstname");
    var added = admin.post("/api/campaign-texts", text);
    assertThat(added.status()).as(added.body()).isEqualTo(201);
    long id = added.json().path("id").asLong();

    JsonNode campaign = sales.post("/api/campaigns", Map.of("name", "From the library " + run, "channel", "EMAIL",
        "purpose", "PROMOTIONAL", "textId", id, "audience", Map.of("categories", List.of("PARTNER")))).json();
    assertThat(campaign.path("subject").asText()).isEqualTo("Open day, {{name}}");
    assertThat(campaign.path("text").asText()).isEqualTo("Dear {{name}}, come on Saturday.");
    assertThat(sales.post("/api/campaigns", Map.of("name", "x", "channel", "EMAIL", "purpose", "PROMOTIONAL",
        "textId", 999999999, "audience", Map.of())).status()).isEqualTo(404);
    assertThat(sales.post("/api/campaigns", Map.of("name", "x", "channel", "EMAIL", "purpose", "PROMOTIONAL",
        "subject", "s", "audience", Map.of())).status()).isEqualTo(400);

    var retired = admin.put("/api/campaign-texts/" + id, Map.of("name", "Open day " + run, "channel", "EMAIL",
        "purpose", "PROMOTIONAL", "subject", "Open day", "text", "Come.", "active", false));
    assertThat(retired.json().path("active").asBoolean()).isFalse();
  }
}
