package com.relais.crm;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

@HttpTest
class PlatformStartupTest {
  @Autowired TestRestTemplate rest;
  @Autowired ProcessEngine engine;
  @Autowired JdbcTemplate jdbc;

  @Test
  void migrationsRanAndTheEngineRunsWithAuthorizationsAndTheHistoryItsReadersNeed() {
    assertThat(jdbc.queryForObject("select count(*) from customer", Integer.class)).isNotNull();
    var configuration = (org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    assertThat(configuration.isAuthorizationEnabled()).isTrue();
    // Camunda's full without the details nobody reads (engine/RelaisHistoryLevel, HistoryForItsReadersTest)
    assertThat(configuration.getHistory()).isEqualTo("relais");
    assertThat(configuration.isJavaSerializationFormatEnabled()).isFalse();
    assertThat(configuration.getDefaultSerializationFormat()).isEqualTo("application/json");
    // the deals' business rule tasks parse their FEEL once (engine/ParsedOnceFeel, ParsedOnceFeelEngineTest)
    assertThat(configuration.getDmnEngineConfiguration().getFeelEngine())
        .isInstanceOf(com.relais.crm.engine.ParsedOnceFeelEngine.class);
  }

  @Test
  void healthIsOpenWithoutLogin() {
    var health = Api.anonymous(rest).get("/actuator/health");
    assertThat(health.status()).isEqualTo(200);
    assertThat(health.json().path("status").asText()).isEqualTo("UP");
  }

  @Test
  void tasklistAnswers() {
    var page = rest.getForEntity("/camunda/app/tasklist/default/", String.class);
    assertThat(page.getStatusCode().value()).isEqualTo(200);
    assertThat(page.getBody()).contains("Tasklist");
  }

  @Test
  void openApiDescribesTheCrmApiToLoggedInUsersOnly() {
    assertThat(Api.anonymous(rest).get("/v3/api-docs").status()).isEqualTo(401);
    var docs = Api.as(rest, "sales").get("/v3/api-docs");
    assertThat(docs.status()).isEqualTo(200);
    assertThat(docs.json().path("paths").has("/api/customers")).isTrue();
  }
}
