package com.relais.crm.communication;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.relais.crm.Api;
import com.relais.crm.HttpTest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

/** Admins extend the exchange types and statuses; everyone else picks from them. */
@HttpTest
class CatalogueApiTest {
  @Autowired TestRestTemplate rest;
  @Autowired JdbcTemplate jdbc;

  private final String tag = UUID.randomUUID().toString().substring(0, 8).toUpperCase();

  private static List<String> codes(Api.Response answer) {
    assertThat(answer.status()).isEqualTo(200);
    List<String> codes = new ArrayList<>();
    answer.json().forEach(e -> codes.add(e.path("code").asText()));
    return codes;
  }

  private static Map<String, Object> exchange(String type, String status, String subject) {
    Map<String, Object> body = new HashMap<>();
    body.put("type", type);
    body.put("status", status);
    body.put("subject", subject);
    body.put("start", "2026-06-01T09:00:00Z");
    return body;
  }

  private static void assertField(Api.Response answer, String field, String words) {
    assertThat(answer.status()).as(answer.body()).isEqualTo(400);
    assertThat(answer.json().path("errors").findValuesAsText("field")).contains(field);
    assertThat(answer.json().path("detail").asText()).contains(words);
  }

  private int catalogueRows() {
    return jdbc.queryForObject("select count(*) from communication_catalogue", Integer.class);
  }

  @Test
  void everyoneReadsTheBuiltInTypesAndStatusesInTheirOrder() {
    Api support = Api.as(rest, "support");
    assertThat(codes(support.get("/api/communication-types")))
        .containsSubsequence("CALL", "LETTER", "NOTE", "MEETING", "REPORT", "TODO", "EMAIL", "SMS");
    JsonNode planned = support.get("/api/communication-statuses/PLANNED").json();
    assertThat(planned.path("label").asText()).isEqualTo("Planned");
    assertThat(planned.path("outcome").asText()).isEqualTo("OPEN");
    assertThat(planned.path("builtIn").asBoolean()).isTrue();
    assertThat(support.get("/api/communication-statuses/LOST_" + tag).status()).isEqualTo(404);
    assertThat(Api.anonymous(rest).get("/api/communication-types").status()).isEqualTo(401);
  }

  @Test
  void anAdminAddsATypeAndAStatusThatSalesThenUseAndFind() {
    Api admin = Api.as(rest, "admin");
    Api sales = Api.as(rest, "sales");
    String visit = "VISIT_" + tag;
    String waiting = "WAITING_" + tag;

    int before = catalogueRows();
    assertThat(sales.post("/api/communication-types", Map.of("code", visit, "label", "Site visit")).status())
        .isEqualTo(403);
    assertThat(catalogueRows()).isEqualTo(before);

    var added = admin.post("/api/communication-types", Map.of("code", visit, "label", " Site visit "));
    assertThat(added.status()).as(added.body()).isEqualTo(201);
    assertThat(added.json().path("label").asText()).isEqualTo("Site visit");
    assertThat(added.json().path("builtIn").asBoolean()).isFalse();
    assertThat(admin.post("/api/communication-statuses",
        Map.of("code", waiting, "label", "Waiting for the customer", "outcome", "OPEN")).status()).isEqualTo(201);
    // a new entry goes to the end of the list unless a position is given
    List<String> types = codes(sales.get("/api/communication-types"));
    assertThat(types.get(types.size() - 1)).isEqualTo(visit);

    var logged = sales.post("/api/communications", exchange(visit, waiting, "Visited the plant " + tag));
    assertThat(logged.status()).as(logged.body()).isEqualTo(201);
    assertThat(logged.json().path("type").asText()).isEqualTo(visit);
    assertThat(logged.json().path("status").asText()).isEqualTo(waiting);
    JsonNode found = sales.get("/api/communications?type=" + visit + "&status=" + waiting).json().path("content");
    assertThat(found.findValuesAsText("id")).containsExactly(logged.json().path("id").asText());
  }

  @Test
  void aRetiredTypeStaysOnOldExchangesAndInSearchButCannotBePickedAgain() {
    Api admin = Api.as(rest, "admin");
    Api sales = Api.as(rest, "sales");
    String fax = "FAX_" + tag;
    admin.post("/api/communication-types", Map.of("code", fax, "label", "Fax"));
    var old = sales.post("/api/communications", exchange(fax, "DONE", "Faxed the order " + tag));
    assertThat(old.status()).isEqualTo(201);
    long oldId = old.json().path("id").asLong();

    var retired = admin.put("/api/communication-types/" + fax, Map.of("label", "Fax (retired)", "active", false));
    assertThat(retired.status()).as(retired.body()).isEqualTo(200);
    assertThat(retired.json().path("active").asBoolean()).isFalse();

    assertThat(codes(sales.get("/api/communication-types"))).doesNotContain(fax);
    assertThat(codes(sales.get("/api/communication-types?withRetired=true"))).contains(fax);
    int exchanges = jdbc.queryForObject("select count(*) from communication", Integer.class);
    assertField(sales.post("/api/communications", exchange(fax, "DONE", "Another fax")), "type", "not a current type");
    assertThat(jdbc.queryForObject("select count(*) from communication", Integer.class)).isEqualTo(exchanges);

    // the old exchange is still read, found by its type and corrected without changing its type
    assertThat(sales.get("/api/communications?type=" + fax).json().path("content").findValuesAsText("id"))
        .containsExactly(String.valueOf(oldId));
    var corrected = sales.put("/api/communications/" + oldId, exchange(fax, "DONE", "Faxed the signed order " + tag));
    assertThat(corrected.status()).as(corrected.body()).isEqualTo(200);
    // ... but moving another exchange onto it is refused
    long other = sales.post("/api/communications", exchange("CALL", "PLANNED", "Call " + tag)).json().path("id").asLong();
    assertField(sales.put("/api/communications/" + other, exchange(fax, "PLANNED", "Call " + tag)), "type",
        "not a current type");

    assertThat(admin.put("/api/communication-types/" + fax, Map.of("label", "Fax", "active", true)).json()
        .path("active").asBoolean()).isTrue();
    assertThat(sales.post("/api/communications", exchange(fax, "DONE", "Fax again " + tag)).status()).isEqualTo(201);
  }

  @Test
  void wrongCatalogueChangesAreRefusedWithTheFieldNamedAndChangeNothing() {
    Api admin = Api.as(rest, "admin");
    int before = catalogueRows();
    assertField(admin.put("/api/communication-types/CALL", Map.of("label", "Call", "active", false)), "active",
        "cannot be retired");
    assertThat(admin.get("/api/communication-types/CALL").json().path("active").asBoolean()).isTrue();
    assertField(admin.put("/api/communication-statuses/DONE", Map.of("label", "Done", "outcome", "OPEN")), "outcome",
        "fixed");
    assertField(admin.put("/api/communication-types/CALL", Map.of("code", "RING", "label", "Call")), "code",
        "cannot be changed");
    assertField(admin.post("/api/communication-types", Map.of("code", "site visit", "label", "Visit")), "code",
        "capital letters");
    assertField(admin.post("/api/communication-types", Map.of("label", "Visit")), "code", "must be given");
    assertField(admin.post("/api/communication-statuses", Map.of("code", "HOLD_" + tag, "label", "On hold")),
        "outcome", "OPEN, DONE or CANCELLED");
    assertField(admin.post("/api/communication-types",
        Map.of("code", "CHAT_" + tag, "label", "Chat", "outcome", "DONE")), "outcome", "only statuses");
    assertThat(admin.post("/api/communication-statuses",
        Map.of("code", "HOLD_" + tag, "label", "On hold", "outcome", "MAYBE")).status()).isEqualTo(400);
    assertThat(admin.post("/api/communication-types", Map.of("code", "CALL", "label", "Call again")).status())
        .isEqualTo(409);
    assertThat(admin.put("/api/communication-types/NOPE_" + tag, Map.of("label", "x")).status()).isEqualTo(404);
    assertThat(catalogueRows()).isEqualTo(before);
    assertThat(admin.get("/api/communication-types/CALL").json().path("label").asText()).isEqualTo("Call");
  }

  @Test
  void searchingByAnUnknownTypeNamesTheField() {
    assertField(Api.as(rest, "sales").get("/api/communications?type=TELEGRAM_" + tag), "type", "not a known type");
  }
}
