package com.relais.crm.diagrams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.Duration;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;

/** processes/support.bpmn alone: triage, resolution, the customer's answer and the escalation timers. */
class SupportDiagramTest extends DiagramTest {
  @RegisterExtension
  static ProcessEngineExtension engine = diagramEngine();

  private DiagramMocks mocks;

  @Override
  protected ProcessEngineExtension engine() {
    return engine;
  }

  @BeforeEach
  void mockTheCrm() {
    mocks = new DiagramMocks().delegateSetting("openSupportCase", "supportCaseId", 5L).delegate("closeSupportCase")
        .taskListener("supportCaseRecorder");
  }

  private ProcessInstance requested() {
    runtimeService().createMessageCorrelation("SupportRequested").processInstanceBusinessKey(key)
        .setVariable("reason", "Two boxes crushed").setVariable("deliveryProcessInstanceId", "d-1")
        .correlateStartMessage();
    ProcessInstance support = runtimeService().createProcessInstanceQuery().processInstanceBusinessKey(key)
        .singleResult();
    execute(job(support));
    return support;
  }

  @Test
  @Deployment(resources = "support.bpmn")
  void aCaseIsTriagedResolvedAndClosedWhenTheCustomerIsHappy() {
    ProcessInstance support = requested();
    complete(task("userTask_triageCase", support), withVariables("priority", "HIGH"));
    complete(task("userTask_resolveCase", support), withVariables("resolution", "REPLACE"));
    complete(task("userTask_confirmResolution", support), withVariables("resolved", false));
    complete(task("userTask_resolveCase", support), withVariables("resolution", "REFUND"));
    complete(task("userTask_confirmResolution", support), withVariables("resolved", true));
    execute(job(support));

    BpmnAwareTests.assertThat(support).isEnded().hasPassed("serviceTask_closeSupportCase", "endEvent_caseResolved");
    assertThat(mocks.calls).containsExactly("openSupportCase", "supportCaseRecorder:userTask_triageCase",
        "supportCaseRecorder:userTask_resolveCase", "supportCaseRecorder:userTask_confirmResolution",
        "supportCaseRecorder:userTask_resolveCase", "supportCaseRecorder:userTask_confirmResolution",
        "closeSupportCase");
  }

  @Test
  @Deployment(resources = "support.bpmn")
  void aCaseLeftTwoDaysInTriageIsEscalatedToTheManagersAndTheCaseIsToldAtOnce() {
    ProcessInstance support = requested();
    passTime(Duration.ofDays(1));
    assertThat(BpmnAwareTests.managementService().createJobQuery().processInstanceId(support.getId()).timers()
        .duedateLowerThan(ClockUtil.getCurrentTime()).count()).isZero();
    passTime(Duration.ofDays(1).plusMinutes(1));
    execute(job(support));

    BpmnAwareTests.assertThat(support).isWaitingAt("userTask_triageCase", "userTask_handleEscalation");
    BpmnAwareTests.assertThat(task("userTask_handleEscalation", support)).hasCandidateGroup("managers");
    // the case is marked escalated when the managers' task is created, not when they complete it
    assertThat(mocks.calls).contains("supportCaseRecorder:userTask_handleEscalation");
  }
}
