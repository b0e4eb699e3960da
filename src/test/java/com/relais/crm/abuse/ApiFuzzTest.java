package com.relais.crm.abuse;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.relais.crm.Api;
import com.relais.crm.HttpTest;
import static java.nio.charset.StandardCharsets.UTF_8;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.UriUtils;

/**
 * Random and boundary input for every JSON body field of every POST/PUT under /api, and for the path ids and query
 * parameters of every GET: the service never answers 5xx and never shows a stack trace. Deterministic: the seed is in
 * every failure message; {@code -Dfuzz.seed=123} replays a run, {@code -Dfuzz.seed=random} tries a new one and
 * {@code -Dfuzz.rounds=N} changes how many requests each body gets.
 */
@HttpTest
class ApiFuzzTest {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int ROUNDS = Integer.getInteger("fuzz.rounds", 30);

  @Autowired TestRestTemplate rest;
  @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings;

  private long seed;
  private Random random;
  private long customerId;
  private long dealId;
  private long communicationId;
  private long templateId;
  private long teamId;

  private long planItemId;
  private long campaignId;
  private long readyTextId;

  private static Map<String, Object> readyText() {
    return Map.of("name", "Fuzz text", "channel", "SMS", "purpose", "INFORMATIONAL", "text", "Hi {{name}}",
        "active", false);
  }

  /** A draft of a category no customer has: a fuzzed campaign never reaches anyone (and is never submitted). */
  private static Map<String, Object> campaignBody() {
    return Map.of("name", "Fuzz campaign", "channel", "EMAIL", "purpose", "PROMOTIONAL", "subject",
        "Hello {{name}}", "text", "Dear {{name}}", "audience", Map.of("categories", List.of("FUZZ_CATEGORY"),
            "acquisitionSources", List.of("WEBSITE"), "lastContactBefore", "2026-01-01"));
  }
  private long planTemplateId;

  record Target(String user, HttpMethod method, String path, JsonNode body) {}

  @BeforeEach
  void seededRecords() {
    String property = System.getProperty("fuzz.seed", "20261123");
    seed = "random".equals(property) ? System.nanoTime() : Long.parseLong(property);
    random = new Random(seed);
    customerId = Api.as(rest, "sales").post("/api/customers", Api.customer("Fuzz Target")).json().path("id").asLong();
    dealId = Api.as(rest, "sales").post("/api/opportunities", Map.of("customerId", customerId, "title", "Fuzz deal",
        "amount", 100, "currency", "EUR")).json().path("id").asLong();
    communicationId = Api.as(rest, "admin").post("/api/communications", Map.of("type", "NOTE", "subject", "Fuzz note",
        "start", "2026-01-01T10:00:00Z", "customerId", customerId)).json().path("id").asLong();
    templateId = Api.as(rest, "admin").post("/api/after-sale-templates", Map.of("name", "Fuzz template",
        "tasks", List.of(Map.of("name", "Call", "candidateGroup", "sales", "dueOffset", "P3D")))).json()
        .path("id").asLong();
    var team = Api.as(rest, "admin").post("/api/teams", Map.of("name", "Fuzz team " + seed + System.nanoTime(),
        "managerId", "manager", "memberIds", List.of()));
    teamId = team.json().path("id").asLong();
    planItemId = Api.as(rest, "sales").post("/api/customers/" + customerId + "/plan-items", Map.of("title",
        "Fuzz call", "kind", "CALL", "dueOn", "2030-01-01")).json().path("id").asLong();
    // a category no customer has, retired, and a template of it: a fuzzed template never fills anyone's work plan
    Api.as(rest, "admin").post("/api/customer-categories", Map.of("code", "FUZZ_CATEGORY", "label", "Fuzz category",
        "active", false));
    planTemplateId = Api.as(rest, "admin").post("/api/plan-templates", Map.of("category", "FUZZ_CATEGORY",
        "kind", "CALL", "title", "Fuzz template", "everyMonths", 3, "active", false)).json().path("id").asLong();
    campaignId = Api.as(rest, "sales").post("/api/campaigns", campaignBody()).json().path("id").asLong();
    readyTextId = Api.as(rest, "admin").post("/api/campaign-texts", readyText()).json().path("id").asLong();
    assertThat(List.of(customerId, dealId, communicationId, templateId, teamId, planItemId, planTemplateId,
        campaignId, readyTextId))
        .allMatch(id -> id > 0);
    // the fuzz changes entries of its own, never the built-in ones other tests read (409 on later rounds is fine)
    Api.as(rest, "admin").post("/api/communication-types", Map.of("code", "FUZZ_TYPE", "label", "Fuzz type"));
    Api.as(rest, "admin").post("/api/communication-statuses",
        Map.of("code", "FUZZ_STATUS", "label", "Fuzz status", "outcome", "OPEN"));
  }

  private List<Target> bodies() {
    JsonNode customer = tree(Map.of("name", "Fuzz Customer", "email", "fuzz@example.com", "phone", "+33 1 23 45 67 89",
        "address", "1 rue du Test", "category", "PROSPECT", "acquisitionSource", "WEBSITE",
        "emailConsent", Map.of("granted", true, "source", "web form"),
        "smsConsent", Map.of("granted", false, "source", "phone")));
    JsonNode opportunity = tree(Map.of("customerId", customerId, "title", "Fuzz deal", "amount", 1200.5,
        "currency", "EUR", "owner", "sales", "expectedCloseDate", "2027-01-31"));
    JsonNode communication = tree(Map.of("type", "MEETING", "subject", "Fuzz meeting", "details", "Agenda",
        "start", "2026-05-01T09:00:00Z", "end", "2026-05-01T10:00:00Z", "status", "DONE", "private", false,
        "assignees", List.of("sales"), "customerId", customerId, "opportunityIds", List.of(dealId)));
    // no defaultTemplate: a fuzzed template must never become the default the other tests rely on
    JsonNode template = tree(Map.of("name", "Fuzz template", "tasks", List.of(Map.of("name", "Install",
        "description", "On site", "candidateGroup", "logistics", "dueOffset", "P3D", "reminderOffset", "P2D"))));
    JsonNode catalogueType = tree(Map.of("code", "FUZZ_TYPE", "label", "Fuzz type", "position", 900));
    JsonNode catalogueStatus = tree(Map.of("code", "FUZZ_STATUS", "label", "Fuzz status", "outcome", "OPEN",
        "active", true, "position", 900));
    return List.of(
        new Target("admin", HttpMethod.POST, "/api/communication-types", catalogueType),
        new Target("admin", HttpMethod.PUT, "/api/communication-types/FUZZ_TYPE", catalogueType),
        new Target("admin", HttpMethod.POST, "/api/communication-statuses", catalogueStatus),
        new Target("admin", HttpMethod.PUT, "/api/communication-statuses/FUZZ_STATUS", catalogueStatus),
        new Target("sales", HttpMethod.POST, "/api/customers", customer),
        new Target("sales", HttpMethod.PUT, "/api/customers/" + customerId, customer),
        new Target("sales", HttpMethod.PATCH, "/api/customers/" + customerId, customer),
        new Target("sales", HttpMethod.POST, "/api/opportunities", opportunity),
        new Target("admin", HttpMethod.POST, "/api/communications", communication),
        new Target("admin", HttpMethod.PUT, "/api/communications/" + communicationId, communication),
        new Target("admin", HttpMethod.POST, "/api/after-sale-templates", template),
        new Target("admin", HttpMethod.PUT, "/api/after-sale-templates/" + templateId, template),
        new Target("admin", HttpMethod.POST, "/api/opportunities/" + dealId + "/after-sale",
            tree(Map.of("templateId", templateId))),
        new Target("admin", HttpMethod.POST, "/api/opportunities/" + dealId + "/delivery/carrier-quote",
            tree(Map.of("amount", 180))),
        // the fuzz deal has no delivery yet: a well-formed place is a 404, a broken one a 400, none is stored
        new Target("logistics", HttpMethod.PUT, "/api/opportunities/" + dealId + "/delivery/place",
            tree(Map.of("latitude", 45.76, "longitude", 4.84))),
        new Target(Api.SIGNATURE_PROVIDER, HttpMethod.POST, "/api/opportunities/" + dealId
            + "/delivery-note/signature", tree(Map.of("signedBy", "Jane Customer"))),
        // a kind nothing raises yet, so a fuzzed text reaches nobody; support's profile and choices, which no other
        // test reads
        new Target("admin", HttpMethod.PUT, "/api/message-templates/CAMPAIGN_REPLY/SMS",
            tree(Map.of("subject", "Reply {{customerName}}", "body", "Reply from {{customerName}}"))),
        new Target("support", HttpMethod.PUT, "/api/me", tree(Map.of("email", "support@relais.example",
            "phone", "+33600000001"))),
        new Target("support", HttpMethod.POST, "/api/subscriptions", tree(Map.of("customerId", customerId))),
        // a team of its own with no members, so no fuzzed body moves the demo's staff
        new Target("admin", HttpMethod.POST, "/api/teams", tree(Map.of("name", "Fuzz team new", "managerId",
            "manager", "memberIds", List.of()))),
        new Target("admin", HttpMethod.PUT, "/api/teams/" + teamId, tree(Map.of("name", "Fuzz team " + teamId,
            "managerId", "manager", "memberIds", List.of()))),
        new Target("support", HttpMethod.POST, "/api/subscriptions/mute", tree(Map.of("opportunityId", dealId))),
        new Target("support", HttpMethod.PUT, "/api/notification-preferences", tree(List.of(Map.of(
            "eventKind", "CAMPAIGN_REPLY", "channels", List.of("IN_APP"), "digest", "NONE")))),
        new Target("admin", HttpMethod.POST, "/api/customer-categories", tree(Map.of("code", "FUZZ_CATEGORY",
            "label", "Fuzz category", "active", false, "position", 900))),
        new Target("admin", HttpMethod.PUT, "/api/customer-categories/FUZZ_CATEGORY", tree(Map.of(
            "label", "Fuzz category", "active", false, "position", 900))),
        new Target("sales", HttpMethod.POST, "/api/campaigns", tree(campaignBody())),
        new Target("sales", HttpMethod.PUT, "/api/campaigns/" + campaignId, tree(campaignBody())),
        new Target("admin", HttpMethod.POST, "/api/campaign-texts", tree(readyText())),
        new Target("admin", HttpMethod.PUT, "/api/campaign-texts/" + readyTextId, tree(readyText())),
        // sales may not build plans: the body is still read (and refused when broken), no plan is ever made
        new Target("sales", HttpMethod.POST, "/api/contact-plans", tree(Map.of("date", "2026-12-01"))),
        // sales may not plan rounds either: the body is read (a broken one refused), no plan is made
        new Target("sales", HttpMethod.POST, "/api/route-plans", tree(Map.of("date", "2031-03-03"))),
        new Target("sales", HttpMethod.POST, "/api/customers/" + customerId + "/plan-items", tree(Map.of(
            "title", "Fuzz visit", "kind", "VISIT", "dueOn", "2030-02-01", "assignee", "sales"))),
        new Target("sales", HttpMethod.PATCH, "/api/plan-items/" + planItemId, tree(Map.of("title", "Fuzz call",
            "dueOn", "2030-01-02", "status", "PLANNED"))),
        new Target("admin", HttpMethod.POST, "/api/plan-templates", tree(Map.of("category", "FUZZ_CATEGORY",
            "kind", "CALL", "title", "Fuzz template", "everyMonths", 3, "active", false))),
        new Target("admin", HttpMethod.PATCH, "/api/plan-templates/" + planTemplateId, tree(Map.of(
            "title", "Fuzz template", "everyMonths", 2, "active", false))),
        new Target("admin", HttpMethod.PUT, "/api/objectives", tree(Map.of("userId", "sales2", "period", "2031-01",
            "amountWon", 1000, "dealsWon", 1, "contacts", 5))));
  }

  private static JsonNode tree(Object value) {
    return JSON.valueToTree(value);
  }

  @Test
  void fuzzedBodiesNeverCauseA5xxOrAStackTrace() {
    // every POST/PUT /api handler taking a JSON body is covered (attachments take multipart, notifications none)
    assertThat(bodies().stream()
        .map(t -> t.method() + " " + t.path().replaceAll("/(\\d+|FUZZ_[A-Z]+|[A-Z][A-Z_]+)(?=/|$)", "/{id}"))
        .toList())
        .containsAll(jsonBodyHandlers());
    List<String> failures = new ArrayList<>();
    Map<Integer, Integer> statuses = new java.util.TreeMap<>();
    int requests = 0;
    for (Target target : bodies()) {
      for (int round = 0; round < ROUNDS; round++) {
        String body = mutate(target.body());
        var answer = Api.caller(rest, target.user()).exchange(target.method(), target.path(), body);
        requests++;
        statuses.merge(answer.status(), 1, Integer::sum);
        check(failures, target.method() + " " + target.path() + " " + abbreviate(body), answer.status(),
            answer.body());
      }
    }
    System.out.println("Body fuzz, seed " + seed + ": " + requests + " requests, answers " + statuses);
    assertThat(failures).as("seed %d (-Dfuzz.seed=%d replays it), %d requests", seed, seed, requests).isEmpty();
    // the generator reaches both sides: some mutations stay valid and are accepted, most are refused
    assertThat(statuses.keySet()).as("seed %d: answers %s", seed, statuses)
        .anyMatch(status -> status < 300).anyMatch(status -> status == 400);
  }

  @Test
  void fuzzedPathIdsAndQueryParametersNeverCauseA5xxOrAStackTrace() {
    List<String> params = List.of("q", "category", "customerId", "opportunityId", "communicationId", "type",
        "status", "from", "to", "author", "page", "size", "sort", "mine", "limit");
    List<String> failures = new ArrayList<>();
    int requests = 0;
    for (String pattern : getHandlers()) {
      for (int round = 0; round < 8; round++) {
        String path = pattern;
        while (path.contains("{")) {
          path = path.replaceFirst("\\{[^}]+}",
              java.util.regex.Matcher.quoteReplacement(UriUtils.encodePathSegment(scalarText(), UTF_8)));
        }
        List<String> query = new ArrayList<>();
        for (String param : params) {
          if (random.nextInt(3) == 0) {
            query.add(param + "=" + UriUtils.encodeQueryParam(scalarText(), UTF_8));
          }
        }
        URI target = URI.create(rest.getRootUri() + path + (query.isEmpty() ? "" : "?" + String.join("&", query)));
        var answer = rest.withBasicAuth("admin", "admin").exchange(target, HttpMethod.GET,
            new HttpEntity<>(acceptJson()), String.class);
        requests++;
        check(failures, "GET " + target, answer.getStatusCode().value(), answer.getBody());
      }
    }
    assertThat(failures).as("seed %d (-Dfuzz.seed=%d replays it), %d requests", seed, seed, requests).isEmpty();
  }

  private static HttpHeaders acceptJson() {
    HttpHeaders headers = new HttpHeaders();
    headers.setAccept(List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON));
    return headers;
  }

  private List<String> getHandlers() {
    List<String> paths = new ArrayList<>();
    mappings.getHandlerMethods().forEach((info, handler) -> {
      Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
      if (methods.isEmpty() || methods.contains(RequestMethod.GET)) {
        info.getPatternValues().stream().filter(p -> p.startsWith("/api/")).forEach(paths::add);
      }
    });
    paths.sort(String::compareTo);
    return paths;
  }

  private List<String> jsonBodyHandlers() {
    List<String> handlers = new ArrayList<>();
    mappings.getHandlerMethods().forEach((info, handler) -> {
      boolean jsonBody = Stream.of(handler.getMethodParameters())
          .anyMatch(p -> p.hasParameterAnnotation(org.springframework.web.bind.annotation.RequestBody.class));
      if (!jsonBody) {
        return;
      }
      for (String pattern : info.getPatternValues()) {
        for (String path : alternatives(pattern)) {
          info.getMethodsCondition().getMethods().forEach(m ->
              handlers.add(m.name() + " " + path.replaceAll("\\{[^}]+}", "{id}")));
        }
      }
    });
    return handlers;
  }
  /** A segment like {@code {kind:communication-types|communication-statuses}} stands for each of its literal paths. */
  private static List<String> alternatives(String pattern) {
    var choice = java.util.regex.Pattern.compile("\\{\\w+:([\\w-]+(?:\\|[\\w-]+)+)}").matcher(pattern);
    if (!choice.find()) {
      return List.of(pattern);
    }
    return Stream.of(choice.group(1).split("\\|"))
        .flatMap(literal -> alternatives(pattern.substring(0, choice.start()) + literal
            + pattern.substring(choice.end())).stream())
        .toList();
  }

  private static void check(List<String> failures, String request, int status, String body) {
    String text = body == null ? "" : body;
    boolean stackTrace = Stream.of("Exception", "at com.", "at org.", "\tat ", "Caused by", "java.lang.")
        .anyMatch(text::contains);
    if (status >= 500 || stackTrace) {
      failures.add(request + " -> " + status + " " + abbreviate(text));
    }
  }

  private static String abbreviate(String text) {
    return text.length() <= 240 ? text : text.substring(0, 240) + "...(" + text.length() + " chars)";
  }

  // ---- the generator ----

  /** One request body: the valid body with one or more fields replaced, removed or added, or something else entirely. */
  private String mutate(JsonNode valid) {
    int kind = random.nextInt(20);
    if (kind == 0) {
      return malformed(valid.toString());
    }
    if (kind == 1) {
      return randomValue(3).toString();
    }
    JsonNode body = valid.deepCopy();
    int changes = 1 + (kind == 2 ? random.nextInt(4) : 0);
    for (int i = 0; i < changes; i++) {
      List<String> paths = new ArrayList<>();
      collectPaths(body, "", paths);
      if (paths.isEmpty()) {
        break;
      }
      String path = paths.get(random.nextInt(paths.size()));
      int action = random.nextInt(10);
      if (action == 0) {
        remove(body, path);
      } else if (action == 1 && body instanceof ObjectNode object) {
        object.set("unexpected" + random.nextInt(100), randomValue(1));
      } else {
        replace(body, path, randomValue(2));
      }
    }
    return body.toString();
  }

  private String malformed(String json) {
    return switch (random.nextInt(6)) {
      case 0 -> json.substring(0, random.nextInt(Math.max(1, json.length())));
      case 1 -> json.replace("\"", "'");
      case 2 -> json + "}}]";
      case 3 -> "[".repeat(5000) + "]".repeat(5000);
      case 4 -> "{\"a\":".repeat(3000) + "1" + "}".repeat(3000);
      default -> "\u0000\uFFFF" + json;
    };
  }

  private static void collectPaths(JsonNode node, String prefix, List<String> paths) {
    if (node instanceof ObjectNode object) {
      object.fieldNames().forEachRemaining(name -> {
        paths.add(prefix + "/" + name);
        collectPaths(object.get(name), prefix + "/" + name, paths);
      });
    } else if (node instanceof ArrayNode array) {
      for (int i = 0; i < array.size(); i++) {
        paths.add(prefix + "/" + i);
        collectPaths(array.get(i), prefix + "/" + i, paths);
      }
    }
  }

  private static void replace(JsonNode root, String path, JsonNode value) {
    int cut = path.lastIndexOf('/');
    JsonNode parent = path.substring(0, cut).isEmpty() ? root : root.at(path.substring(0, cut));
    String last = path.substring(cut + 1);
    if (parent instanceof ObjectNode object) {
      object.set(last, value);
    } else if (parent instanceof ArrayNode array) {
      array.set(Integer.parseInt(last), value);
    }
  }

  private static void remove(JsonNode root, String path) {
    int cut = path.lastIndexOf('/');
    JsonNode parent = path.substring(0, cut).isEmpty() ? root : root.at(path.substring(0, cut));
    String last = path.substring(cut + 1);
    if (parent instanceof ObjectNode object) {
      object.remove(last);
    } else if (parent instanceof ArrayNode array) {
      array.remove(Integer.parseInt(last));
    }
  }

  private JsonNode randomValue(int depth) {
    int kind = random.nextInt(depth > 0 ? 10 : 8);
    return switch (kind) {
      case 0 -> NODES.nullNode();
      case 1 -> NODES.booleanNode(random.nextBoolean());
      case 2, 3 -> NODES.textNode(boundaryText());
      case 4 -> NODES.textNode(randomText());
      case 5 -> boundaryNumber();
      case 6 -> NODES.numberNode(random.nextLong());
      case 7 -> NODES.textNode(boundaryDate());
      case 8 -> {
        ArrayNode array = NODES.arrayNode();
        int size = random.nextInt(4) == 0 ? 60 : random.nextInt(3);
        for (int i = 0; i < size; i++) {
          array.add(randomValue(depth - 1));
        }
        yield array;
      }
      default -> {
        ObjectNode object = NODES.objectNode();
        for (int i = 0; i < random.nextInt(3); i++) {
          object.set(List.of("id", "name", "amount", "granted", "x").get(random.nextInt(5)), randomValue(depth - 1));
        }
        yield object;
      }
    };
  }

  private static final List<Supplier<String>> TEXTS = List.of(
      () -> "", () -> " ", () -> "a", () -> "x".repeat(201), () -> "x".repeat(5000), () -> "x".repeat(100_000),
      () -> "NaN", () -> "Infinity", () -> "-Infinity", () -> "null", () -> "true", () -> "0", () -> "-1",
      () -> "1e309", () -> "99999999999999999999999999", () -> "P-1D", () -> "PT", () -> "P999999999Y",
      () -> "ü漢字🙂", () -> "\u0000", () -> "\uD800", () -> "<script>alert(1)</script>", () -> "' OR 1=1 --",
      () -> "%", () -> "_", () -> "\\", () -> "../../etc/passwd", () -> "${7*7}", () -> "#{7*7}",
      () -> "PROSPECT", () -> "prospect", () -> "WEBSITE", () -> "CALL", () -> "EUR", () -> "eur", () -> "sales",
      () -> "camunda-admin", () -> "nosuchuser", () -> "a@b", () -> "@", () -> "+33 (0)1", () -> "\r\n\t");

  private String boundaryText() {
    return TEXTS.get(random.nextInt(TEXTS.size())).get();
  }

  private String randomText() {
    StringBuilder text = new StringBuilder();
    int length = random.nextInt(4) == 0 ? 300 + random.nextInt(3000) : random.nextInt(30);
    for (int i = 0; i < length; i++) {
      text.appendCodePoint(random.nextInt(5) == 0 ? 0x80 + random.nextInt(0x2FF80) : 0x20 + random.nextInt(0x5F));
    }
    return text.toString().replace("\uD800", "");
  }

  private JsonNode boundaryNumber() {
    return switch (random.nextInt(12)) {
      case 0 -> NODES.numberNode(0);
      case 1 -> NODES.numberNode(-1);
      case 2 -> NODES.numberNode(Long.MAX_VALUE);
      case 3 -> NODES.numberNode(Long.MIN_VALUE);
      case 4 -> NODES.numberNode(Double.MAX_VALUE);
      case 5 -> NODES.numberNode(-Double.MAX_VALUE);
      case 6 -> NODES.numberNode(Double.MIN_VALUE);
      case 7 -> NODES.numberNode(new BigDecimal("1e400"));
      case 8 -> NODES.numberNode(new BigInteger("9".repeat(60)));
      case 9 -> NODES.numberNode(new BigDecimal("0.0000000001"));
      case 10 -> NODES.numberNode(Integer.MAX_VALUE + 1L);
      default -> NODES.numberNode(-0.5);
    };
  }

  private String boundaryDate() {
    return List.of("2026-02-30", "2026-13-01", "0000-01-01", "+99999-01-01", "-0001-01-01", "2026-01-01T25:00:00Z",
        "+99999-01-01T00:00:00Z", "1970-01-01T00:00:00Z", "2026-01-01", "2026-01-01T00:00:00",
        "9999-12-31T23:59:59.999999999Z", "2026-06-01T10:00:00+99:00", "today").get(random.nextInt(13));
  }

  private String scalarText() {
    return switch (random.nextInt(6)) {
      case 0 -> Long.toString(random.nextLong());
      case 1 -> List.of("0", "-1", "1", "999999999999999999999", "1.5", "NaN", "").get(random.nextInt(7));
      case 2 -> boundaryDate();
      case 3 -> List.of("name,desc", "nosuchfield", "name;drop", "createdAt,asc", "id,sideways").get(random.nextInt(5));
      case 4 -> {
        // a lone surrogate cannot be put in a URL at all; the body fuzz sends it
        String text = boundaryText().replace("\uD800", "?");
        yield text.length() > 300 ? text.substring(0, 300) : text;
      }
      default -> List.of("PROSPECT", "CALL", "DONE", "true", "x", "%", "ab").get(random.nextInt(7));
    };
  }
}
