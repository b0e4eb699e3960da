package com.relais.crm.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.relais.crm.Api;
import com.relais.crm.HttpTest;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;

@HttpTest
class AccessTest {
  private static final String TINY_PROCESS = """
      <?xml version="1.0" encoding="UTF-8"?>
      <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
          xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="definitions_accessTest" targetNamespace="test">
        <bpmn:process id="accessTest" isExecutable="true" camunda:historyTimeToLive="1">
          <bpmn:startEvent id="start" />
        </bpmn:process>
      </bpmn:definitions>
      """;

  @Autowired TestRestTemplate rest;
  @Autowired RepositoryService repositoryService;
  @Autowired org.camunda.bpm.engine.IdentityService identityService;

  @ParameterizedTest
  @ValueSource(strings = {"/api/customers", "/api/opportunities?customerId=1", "/engine-rest/task",
      "/engine-rest/process-definition", "/engine-rest/deployment", "/v3/api-docs"})
  void anonymousCallsAreRefusedWith401(String path) {
    var answer = Api.anonymous(rest).get(path);
    assertThat(answer.status()).isEqualTo(401);
  }

  /**
   * A user of its own: after a wrong password the engine delays that user's next logins (brute-force
   * protection), which must not slow the demo users the other tests log in as.
   */
  @ParameterizedTest
  @ValueSource(strings = {"/api/customers", "/engine-rest/task"})
  void aWrongPasswordIsRefusedWith401(String path) {
    String user = "wrongpassword" + Math.abs(path.hashCode());
    if (identityService.createUserQuery().userId(user).count() == 0) {
      var account = identityService.newUser(user);
      account.setPassword("the-right-password");
      identityService.saveUser(account);
    }
    assertThat(Api.withPassword(rest, user, "the-right-password").get(path).status()).isEqualTo(200);
    assertThat(Api.withPassword(rest, user, "not-the-password").get(path).status()).isEqualTo(401);
    assertThat(Api.withPassword(rest, "nobody", "nobody").get(path).status()).isEqualTo(401);
  }

  @Test
  void theCrmApiExplainsA401InProblemJson() {
    var answer = Api.anonymous(rest).get("/api/customers");
    assertThat(answer.contentType()).startsWith("application/problem+json");
    assertThat(answer.json().path("detail").asText()).contains("Log in");
  }

  @Test
  void pathsOutsideTheServiceAreClosed() {
    assertThat(Api.anonymous(rest).get("/actuator/env").status()).isIn(401, 403, 404);
    assertThat(Api.as(rest, "admin").get("/actuator/env").status()).isIn(401, 403, 404);
  }

  @Test
  void salesCannotDeployButAdminCan() {
    long before = repositoryService.createDeploymentQuery().deploymentName("access-test").count();

    var refused = deploy("sales");
    assertThat(refused.getStatusCode().value()).isEqualTo(403);
    assertThat(repositoryService.createDeploymentQuery().deploymentName("access-test").count()).isEqualTo(before);

    var accepted = deploy("admin");
    assertThat(accepted.getStatusCode().value()).as(accepted.getBody()).isEqualTo(200);
    assertThat(repositoryService.createDeploymentQuery().deploymentName("access-test").count()).isEqualTo(before + 1);
  }

  private org.springframework.http.ResponseEntity<String> deploy(String user) {
    var form = new LinkedMultiValueMap<String, Object>();
    form.add("deployment-name", "access-test");
    form.add("deployment-source", "access test");
    form.add("data", new ByteArrayResource(TINY_PROCESS.getBytes()) {
      @Override
      public String getFilename() {
        return "access-test.bpmn";
      }
    });
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    return rest.withBasicAuth(user, user)
        .postForEntity("/engine-rest/deployment/create", new HttpEntity<>(form, headers), String.class);
  }
}
