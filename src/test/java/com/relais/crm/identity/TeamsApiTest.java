package com.relais.crm.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.relais.crm.Api;
import com.relais.crm.HttpTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/** Teams as admins keep them and staff read them: one team per member of staff, bad input changes nothing. */
@HttpTest
class TeamsApiTest {
  @Autowired TestRestTemplate rest;
  @Autowired IdentityService identityService;

  private String newUser() {
    String id = "t" + UUID.randomUUID().toString().substring(0, 8);
    var user = identityService.newUser(id);
    user.setPassword(id);
    identityService.saveUser(user);
    return id;
  }

  @Test
  void theDemoTeamsAreThereAndMeSaysMine() {
    JsonNode teams = Api.as(rest, "sales").get("/api/teams").json();
    JsonNode salesTeam = null;
    for (JsonNode team : teams) {
      if ("sales-team".equals(team.path("name").asText())) {
        salesTeam = team;
      }
    }
    assertThat(salesTeam).isNotNull();
    assertThat(salesTeam.path("managerId").asText()).isEqualTo("manager");
    assertThat(salesTeam.path("memberIds").toString()).contains("sales", "sales2");
    assertThat(Api.as(rest, "sales2").get("/api/me").json().path("teamId").asLong())
        .isEqualTo(salesTeam.path("id").asLong());
  }

  @Test
  void adminsCreateAndChangeTeamsAndAMemberIsInOneTeamOnly() {
    String lead = newUser();
    String member = newUser();
    Api admin = Api.as(rest, "admin");
    String name = "Team " + UUID.randomUUID().toString().substring(0, 6);
    var created = admin.post("/api/teams", Map.of("name", name, "managerId", lead, "memberIds", List.of(member)));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    long id = created.json().path("id").asLong();

    var second = admin.post("/api/teams", Map.of("name", name + " bis", "managerId", lead,
        "memberIds", List.of(member)));
    assertThat(second.status()).isEqualTo(409);
    assertThat(second.json().path("detail").asText()).contains(member, name);
    assertThat(admin.post("/api/teams", Map.of("name", name, "managerId", lead)).status()).isEqualTo(409);
    var unknown = admin.post("/api/teams", Map.of("name", "Ghosts", "managerId", "nobody-" + UUID.randomUUID()));
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.json().path("errors").get(0).path("field").asText()).isEqualTo("managerId");
    assertThat(Api.as(rest, "manager").post("/api/teams", Map.of("name", "Mine", "managerId", "manager")).status())
        .isEqualTo(403);

    var changed = admin.put("/api/teams/" + id, Map.of("name", name, "managerId", lead, "memberIds", List.of()));
    assertThat(changed.status()).isEqualTo(200);
    assertThat(changed.json().path("memberIds")).isEmpty();
    assertThat(admin.post("/api/teams", Map.of("name", name + " ter", "managerId", lead,
        "memberIds", List.of(member))).status()).as("free again once taken out").isEqualTo(201);
  }
}
