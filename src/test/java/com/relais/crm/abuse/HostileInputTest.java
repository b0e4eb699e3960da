package com.relais.crm.abuse;

import static org.assertj.core.api.Assertions.assertThat;

import com.relais.crm.Api;
import com.relais.crm.DealDriver;
import com.relais.crm.HttpTest;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;

/**
 * Hostile diagrams, scripts, serialized and gadget-typed variables, oversized bodies: each is refused with a 400 (403
 * when the caller may not deploy at all) that names the problem, carries no stack trace and changes nothing.
 */
@HttpTest
class HostileInputTest {
  @Autowired TestRestTemplate rest;
  @Autowired RepositoryService repositoryService;
  @Autowired org.camunda.bpm.engine.DecisionService decisionService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired DealDriver deals;
  @Autowired JdbcTemplate jdbc;

  private static final String XXE = """
      <?xml version="1.0" encoding="UTF-8"?>
      <!DOCTYPE definitions [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
      <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
          xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="d" targetNamespace="x">
        <bpmn:process id="xxe" name="&secret;" isExecutable="true" camunda:historyTimeToLive="1">
          <bpmn:startEvent id="start" />
        </bpmn:process>
      </bpmn:definitions>
      """;

  private static final String BILLION_LAUGHS = """
      <?xml version="1.0" encoding="UTF-8"?>
      <!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
      <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
      <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
      <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
      <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">]>
      <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
          xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="d" targetNamespace="x">
        <bpmn:process id="laughs" name="&lol6;" isExecutable="true" camunda:historyTimeToLive="1">
          <bpmn:startEvent id="start" />
        </bpmn:process>
      </bpmn:definitions>
      """;

  private static final String SCRIPT_TASK = """
      <?xml version="1.0" encoding="UTF-8"?>
      <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
          xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="d" targetNamespace="x">
        <bpmn:process id="scripted" isExecutable="true" camunda:historyTimeToLive="1">
          <bpmn:startEvent id="start" />
          <bpmn:sequenceFlow id="flow" sourceRef="start" targetRef="run" />
          <bpmn:scriptTask id="run" scriptFormat="javascript">
            <bpmn:script>java.lang.Runtime.getRuntime().exec("touch /tmp/pwned")</bpmn:script>
          </bpmn:scriptTask>
        </bpmn:process>
      </bpmn:definitions>
      """;

  private static final String SCRIPT_LISTENER = """
      <?xml version="1.0" encoding="UTF-8"?>
      <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
          xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="d" targetNamespace="x">
        <bpmn:process id="scriptedListener" isExecutable="true" camunda:historyTimeToLive="1">
          <bpmn:startEvent id="start">
            <bpmn:extensionElements>
              <camunda:executionListener event="start">
                <camunda:script scriptFormat="groovy">"touch /tmp/pwned".execute()</camunda:script>
              </camunda:executionListener>
            </bpmn:extensionElements>
          </bpmn:startEvent>
        </bpmn:process>
      </bpmn:definitions>
      """;

  private static final String SCRIPT_CONDITION = """
      <?xml version="1.0" encoding="UTF-8"?>
      <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
          xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
          xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="d" targetNamespace="x">
        <bpmn:process id="scriptedCondition" isExecutable="true" camunda:historyTimeToLive="1">
          <bpmn:startEvent id="start" />
          <bpmn:exclusiveGateway id="choice" />
          <bpmn:sequenceFlow id="toChoice" sourceRef="start" targetRef="choice" />
          <bpmn:sequenceFlow id="toEnd" sourceRef="choice" targetRef="end">
            <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression" language="javascript">true</bpmn:conditionExpression>
          </bpmn:sequenceFlow>
          <bpmn:endEvent id="end" />
        </bpmn:process>
      </bpmn:definitions>
      """;

  private int deploy(String name, String xml) {
    return deployAs("admin", name, xml).getStatusCode().value();
  }

  private org.springframework.http.ResponseEntity<String> deployAs(String user, String name, String xml) {
    var form = new LinkedMultiValueMap<String, Object>();
    form.add("deployment-name", name);
    form.add("data", new ByteArrayResource(xml.strip().getBytes(StandardCharsets.UTF_8)) {
      @Override
      public String getFilename() {
        return name + ".bpmn";
      }
    });
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    var answer = rest.withBasicAuth(user, user)
        .postForEntity("/engine-rest/deployment/create", new HttpEntity<>(form, headers), String.class);
    assertThat(answer.getBody()).doesNotContain("root:").doesNotContain("\tat ").doesNotContain("at org.");
    return answer;
  }

  @Test
  void diagramsWithExternalEntitiesOrEntityBombsAreRefusedEvenFromAnAdmin() {
    // refused by the engine's parser (DOCTYPE disallowed): no file is read, no entity is expanded
    long started = System.nanoTime();
    assertThat(deploy("xxe", XXE)).isEqualTo(400);
    assertThat(deploy("laughs", BILLION_LAUGHS)).isEqualTo(400);
    assertThat(java.time.Duration.ofNanos(System.nanoTime() - started)).isLessThan(java.time.Duration.ofSeconds(10));
    assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKeyIn("xxe", "laughs").count())
        .isZero();
  }

  @Test
  void aJavaSerializedVariableIsRefused() {
    long id = deals.openDeal("Serialized Variable Target", "100");
    String taskId = deals.task(id, "userTask_qualifyProspect").getId();
    var answer = Api.as(rest, "sales").put("/engine-rest/task/" + taskId + "/variables/payload", Map.of(
        "value", "rO0ABXNyABFqYXZhLnV0aWwuSGFzaE1hcAUH2sHDFmDRAwACRgAKbG9hZEZhY3RvckkACXRocmVzaG9sZHhwP0AAAAAAAAB3CAAAABAAAAAAeA==",
        "type", "Object",
        "valueInfo", Map.of("objectTypeName", "java.util.HashMap",
            "serializationDataFormat", "application/x-java-serialized-object")));
    // the engine refuses it (Java serialization is off); our /engine-rest mapper makes that a 400
    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.body()).contains("serialization").doesNotContain("\tat ");
    assertThat(taskService.getVariable(taskId, "payload")).isNull();
  }

  @Test
  void anOversizedJsonBodyIsA400AndStoresNothing() {
    int before = jdbc.queryForObject("select count(*) from customer", Integer.class);
    String huge = "{\"name\":\"" + "x".repeat(10 * 1024 * 1024)
        + "\",\"category\":\"PROSPECT\",\"acquisitionSource\":\"WEBSITE\"}";
    var answer = Api.as(rest, "sales").post("/api/customers", huge);
    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.body()).doesNotContain("Exception").doesNotContain("\tat ");
    assertThat(jdbc.queryForObject("select count(*) from customer", Integer.class)).isEqualTo(before);
  }

  @Test
  void aDiagramWithAScriptIsRefusedEvenFromAnAdminAndNothingIsDeployed() {
    var taskAnswer = deployAs("admin", "scripted", SCRIPT_TASK);
    assertThat(taskAnswer.getStatusCode().value()).isEqualTo(400);
    assertThat(taskAnswer.getBody()).contains("Scripts are not allowed");
    assertThat(deploy("scriptedListener", SCRIPT_LISTENER)).isEqualTo(400);
    assertThat(deploy("scriptedCondition", SCRIPT_CONDITION)).isEqualTo(400);
    assertThat(repositoryService.createProcessDefinitionQuery()
        .processDefinitionKeyIn("scripted", "scriptedListener", "scriptedCondition").count()).isZero();
  }

  @Test
  void aNonAdminCannotDeployAScriptAtAllTheAuthorizationRefusesFirst() {
    var answer = deployAs("sales", "scripted", SCRIPT_TASK);
    assertThat(answer.getStatusCode().value()).isEqualTo(403);
    assertThat(answer.getBody()).contains("CREATE").contains("Deployment");
    assertThat(repositoryService.createDeploymentQuery().deploymentName("scripted").count()).isZero();
  }

  @Test
  void aJsonVariableOfAGadgetOrUnknownClassIsRefusedAndNotStored() {
    long id = deals.openDeal("Json Gadget Target", "100");
    String taskId = deals.task(id, "userTask_qualifyProspect").getId();
    for (String type : new String[] {"java.lang.ProcessBuilder", "com.example.DoesNotExist",
        "org.springframework.context.support.ClassPathXmlApplicationContext", "java.net.URL"}) {
      var answer = Api.as(rest, "sales").put("/engine-rest/task/" + taskId + "/variables/gadget", Map.of(
          "value", "{\"command\":[\"touch\",\"/tmp/pwned\"]}",
          "type", "Object",
          "valueInfo", Map.of("objectTypeName", type, "serializationDataFormat", "application/json")));
      assertThat(answer.status()).as(type + ": " + answer).isEqualTo(400);
      assertThat(answer.body()).contains(type).doesNotContain("\tat ");
      assertThat(runtimeService.createVariableInstanceQuery().variableName("gadget").count()).as(type).isZero();
    }
  }

  @Test
  void aJsonVariableOfAnAllowedTypeIsStillAccepted() {
    long id = deals.openDeal("Json Allowed Target", "100");
    String taskId = deals.task(id, "userTask_qualifyProspect").getId();
    var answer = Api.as(rest, "sales").put("/engine-rest/task/" + taskId + "/variables/notes", Map.of(
        "value", "{\"channel\":\"phone\",\"count\":2}",
        "type", "Object",
        "valueInfo", Map.of("objectTypeName", "java.util.LinkedHashMap",
            "serializationDataFormat", "application/json")));
    assertThat(answer.status()).as(answer.toString()).isEqualTo(204);
    assertThat(taskService.getVariable(taskId, "notes")).isEqualTo(Map.of("channel", "phone", "count", 2));
  }

  /** Decision tables are not checked at deployment; their scripts fail at evaluation, as no script engine exists. */
  @Test
  void aScriptInADecisionTableDoesNotRun() {
    String dmn = """
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/"
            xmlns:camunda="http://camunda.org/schema/1.0/dmn" id="scriptedDecisions" name="d" namespace="x">
          <decision id="scriptedDecision" name="Scripted" camunda:historyTimeToLive="1">
            <decisionTable id="table">
              <input id="in" label="In">
                <inputExpression id="inExpr" typeRef="string" expressionLanguage="javascript">
                  <text>java.lang.System.getProperty("user.home")</text>
                </inputExpression>
              </input>
              <output id="out" name="result" typeRef="string" />
              <rule id="rule">
                <inputEntry id="entry"><text>-</text></inputEntry>
                <outputEntry id="value"><text>"ran"</text></outputEntry>
              </rule>
            </decisionTable>
          </decision>
        </definitions>
        """;
    var deployment = repositoryService.createDeployment().name("scripted-decision")
        .addString("scripted.dmn", dmn.strip()).deploy();
    try {
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> decisionService.evaluateDecisionByKey("scriptedDecision")
          .variables(Map.of()).evaluate())
          .hasStackTraceContaining("Scripts are disabled");
    } finally {
      repositoryService.deleteDeployment(deployment.getId(), true);
    }
  }

  /**
   * Engine queries accept EL expressions (assigneeExpression...), which would run code on the server. Ad-hoc
   * queries refuse them (Camunda's default, kept), and a stored query — a filter — cannot be created by staff.
   */
  @Test
  void expressionsInEngineQueriesAreRefused() {
    var adhoc = rest.withBasicAuth("sales", "sales").exchange(java.net.URI.create(rest.getRootUri()
        + "/engine-rest/task?assigneeExpression=%24%7BcurrentUser%28%29%7D"), org.springframework.http.HttpMethod.GET,
        HttpEntity.EMPTY, String.class);
    assertThat(adhoc.getStatusCode().value()).isEqualTo(400);
    assertThat(adhoc.getBody()).contains("Expressions are forbidden").doesNotContain("\tat ");
    var filter = Api.as(rest, "sales").post("/engine-rest/filter/create", Map.of("resourceType", "Task",
        "name", "evil", "query", Map.of("assigneeExpression", "${''.getClass().forName('java.lang.Runtime')}")));
    assertThat(filter.status()).isEqualTo(403);
  }

  /** Odd variable types, formats and values through /engine-rest: a 4xx naming the problem, never a 500. */
  @Test
  void oddEngineVariablesAreRefusedAsBadInputNotAsServerErrors() {
    long id = deals.openDeal("Odd Variables Target", "100");
    String taskId = deals.task(id, "userTask_qualifyProspect").getId();
    java.util.List<Map<String, Object>> odd = java.util.List.of(
        Map.of("value", "{}", "type", "Object", "valueInfo", Map.of("objectTypeName", "java.util.HashMap",
            "serializationDataFormat", "application/x-unknown")),
        Map.of("value", "{}", "type", "Object", "valueInfo", Map.of("serializationDataFormat", "application/json")),
        Map.of("value", "not json", "type", "Object", "valueInfo", Map.of("objectTypeName", "java.util.HashMap",
            "serializationDataFormat", "application/json")),
        Map.of("value", "[1,2]", "type", "Object", "valueInfo", Map.of("objectTypeName", "java.util.HashMap",
            "serializationDataFormat", "application/json")),
        Map.of("value", "x", "type", "NoSuchType"),
        Map.of("value", "abc", "type", "Integer"),
        Map.of("value", "abc", "type", "Date"),
        Map.of("value", "<a/>", "type", "Xml"),
        Map.of("value", "{", "type", "Json"),
        Map.of("value", "AAAA", "type", "Bytes"),
        Map.of("value", "AAAA", "type", "File", "valueInfo", Map.of("filename", "../../etc/passwd")));
    for (Map<String, Object> variable : odd) {
      var answer = Api.as(rest, "sales").put("/engine-rest/task/" + taskId + "/variables/odd", variable);
      assertThat(answer.status()).as(variable + " -> " + answer).isLessThan(500);
      assertThat(String.valueOf(answer.body())).doesNotContain("\tat ");
    }
  }

  /** A decision value no gateway knows, sent past the Tasklist form: refused as bad input, the task stays open. */
  @Test
  void aTaskCompletedWithAnUnknownDecisionIsRefusedAndStaysOpen() {
    long id = deals.openDeal("Unknown Decision Target", "100");
    String taskId = deals.task(id, "userTask_qualifyProspect").getId();
    java.util.List<Map<String, Object>> refused = java.util.List.of(
        Map.of("saleOutcome", Map.of("value", "MAYBE")), Map.of("saleOutcome", Map.of("value", 42)),
        Map.of("saleOutcome", Map.of("value", "")), Map.of("saleOutcome", Map.of("value", "lost")),
        Map.of("saleOutcome", Map.of("value", "OPEN"), "confirmed", Map.of("value", "abc")),
        Map.of("saleOutcome", Map.of("value", "OPEN"), "transport", Map.of("value", "AIRMAIL")),
        Map.of("saleOutcome", Map.of("value", "OPEN"), "transportCost", Map.of("value", -5)),
        Map.of("saleOutcome", Map.of("value", "OPEN"), "transportCost", Map.of("value", "free")));
    for (Map<String, Object> variables : refused) {
      var answer = Api.as(rest, "sales").post("/engine-rest/task/" + taskId + "/complete",
          Map.of("variables", variables));
      assertThat(answer.status()).as(variables + " -> " + answer).isEqualTo(400);
      assertThat(answer.body()).contains("Variable '").doesNotContain("\tat ");
      assertThat(taskService.createTaskQuery().taskId(taskId).count()).isOne();
      assertThat(runtimeService.getVariable(deals.instance("sale", id).getId(), "saleOutcome")).isNull();
    }
    var accepted = Api.as(rest, "sales").post("/engine-rest/task/" + taskId + "/complete",
        Map.of("variables", Map.of("saleOutcome", Map.of("value", "OPEN"))));
    assertThat(accepted.status()).as(accepted.toString()).isEqualTo(204);
  }
}
