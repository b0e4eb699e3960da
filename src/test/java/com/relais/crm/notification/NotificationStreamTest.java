package com.relais.crm.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.relais.crm.Api;
import com.relais.crm.DealDriver;
import com.relais.crm.HttpTest;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** The live stream a page keeps open: the unread count when it opens, and again as soon as a notification lands. */
@HttpTest
class NotificationStreamTest {
  @LocalServerPort int port;
  @Autowired TestRestTemplate rest;
  @Autowired DealDriver deals;
  @Autowired JdbcTemplate jdbc;
  @Autowired NotificationPreferences preferences;

  @Test
  void anOpenPageHearsOfANewNotificationAtOnce() throws Exception {
    jdbc.update("delete from notification_preference where user_id = 'manager'");
    preferences.forgetRemembered();
    long deal = deals.openDeal("Streamed SARL", "700");
    Api.as(rest, "manager").post("/api/subscriptions", Map.of("opportunityId", deal));
    long before = Api.as(rest, "manager").get("/api/notifications/unread-count").json().path("unread").asLong();

    var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/notifications/stream"))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("manager:manager".getBytes()))
        .header("Accept", "text/event-stream").build();
    HttpResponse<java.io.InputStream> stream = HttpClient.newHttpClient().send(request,
        HttpResponse.BodyHandlers.ofInputStream());
    assertThat(stream.statusCode()).isEqualTo(200);
    BufferedReader lines = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8));
    CompletableFuture<List<String>> counts = CompletableFuture.supplyAsync(() -> {
      List<String> seen = new java.util.ArrayList<>();
      try {
        String line;
        while (seen.size() < 2 && (line = lines.readLine()) != null) {
          if (line.startsWith("data:")) {
            seen.add(line.substring(5).strip());
          }
        }
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
      return seen;
    });

    Thread.sleep(300);
    deals.complete(deal, "userTask_qualifyProspect", Map.of("saleOutcome", "OPEN"));

    List<String> seen = counts.get(20, TimeUnit.SECONDS);
    assertThat(seen.get(0)).isEqualTo("{\"unread\":" + before + "}");
    assertThat(seen.get(1)).isEqualTo("{\"unread\":" + (before + 1) + "}");
    stream.body().close();
  }
}
