package com.relais.crm.diagrams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.Duration;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;

/** processes/sale.bpmn alone: its paths, stages and timer, with the CRM's beans mocked. */
class SaleDiagramTest extends DiagramTest {
  @RegisterExtension
  static ProcessEngineExtension engine = diagramEngine();

  private DiagramMocks mocks;

  @Override
  protected ProcessEngineExtension engine() {
    return engine;
  }

  @BeforeEach
  void mockTheCrm() {
    mocks = new DiagramMocks().stageListener("saleStageListener").delegate("startDelivery")
        .taskListener("stageCommentRecorder").taskListener("afterSaleTemplateChoices")
        .taskListener("winNeedsTransport").taskListener("sendSignatureLink")
        .delegateSetting("generateDeliveryNote", "deliveryNoteAttachmentId", 73L);
  }

  private ProcessInstance start() {
    return runtimeService().startProcessInstanceByKey("sale", key, withVariables("opportunityId", 42L));
  }

  @Test
  @Deployment(resources = "sale.bpmn")
  void aWonDealPassesEveryStageAndAnnouncesTheWin() {
    ProcessInstance sale = start();
    complete(task("userTask_qualifyProspect", sale), withVariables("saleOutcome", "OPEN"));
    complete(task("userTask_prepareProposal", sale), withVariables("saleOutcome", "OPEN"));
    complete(task("userTask_followUpProposal", sale), withVariables("saleOutcome", "OPEN"));
    complete(task("userTask_negotiate", sale), withVariables("saleOutcome", "WON", "transport", "INTERNAL"));
    execute(job(sale));
    complete(task("userTask_sendDeliveryNote", sale));
    BpmnAwareTests.assertThat(sale).isWaitingAt("receiveTask_awaitSignature");

    runtimeService().createMessageCorrelation("DeliveryNoteSigned").processInstanceBusinessKey(key)
        .setVariable("signedBy", "M. Durand").correlate();
    execute(job(sale));

    BpmnAwareTests.assertThat(sale).hasPassedInOrder("userTask_negotiate", "serviceTask_generateDeliveryNote",
        "userTask_sendDeliveryNote", "receiveTask_awaitSignature", "serviceTask_startDelivery", "endEvent_won");
    BpmnAwareTests.assertThat(sale).isEnded();
    assertThat(mocks.stages).containsExactly("SALE_1_PROSPECT", "SALE_2_QUALIFIED", "SALE_3_PROPOSAL",
        "SALE_4_NEGOTIATION", "SALE_5_SIGNATURE", "SALE_6_WON");
    assertThat(mocks.calls).filteredOn(call -> !call.contains(":")).containsExactly("generateDeliveryNote",
        "startDelivery");
    assertThat(mocks.calls).contains("stageCommentRecorder:userTask_qualifyProspect",
        "afterSaleTemplateChoices:userTask_negotiate", "winNeedsTransport:userTask_negotiate",
        "sendSignatureLink:userTask_sendDeliveryNote");
  }

  @Test
  @Deployment(resources = "sale.bpmn")
  void aDealLostAtAnyStepEndsLostWithoutADelivery() {
    ProcessInstance sale = start();
    complete(task("userTask_qualifyProspect", sale), withVariables("saleOutcome", "OPEN"));
    complete(task("userTask_prepareProposal", sale), withVariables("saleOutcome", "LOST"));

    BpmnAwareTests.assertThat(sale).isEnded().hasPassed("endEvent_lost").hasNotPassed("serviceTask_startDelivery");
    assertThat(mocks.stages).containsExactly("SALE_1_PROSPECT", "SALE_2_QUALIFIED", "SALE_LOST");
    assertThat(mocks.calls).noneMatch(call -> call.startsWith("startDelivery") || call.startsWith("generate"));
  }

  @Test
  @Deployment(resources = "sale.bpmn")
  void anUnsignedNoteGetsAReminderAfterThreeDaysAndTheDealStillWaits() {
    ProcessInstance sale = start();
    complete(task("userTask_qualifyProspect", sale), withVariables("saleOutcome", "OPEN"));
    complete(task("userTask_prepareProposal", sale), withVariables("saleOutcome", "OPEN"));
    complete(task("userTask_followUpProposal", sale), withVariables("saleOutcome", "OPEN"));
    complete(task("userTask_negotiate", sale), withVariables("saleOutcome", "WON"));
    execute(job(sale));
    complete(task("userTask_sendDeliveryNote", sale));

    var timer = BpmnAwareTests.managementService().createJobQuery().processInstanceId(sale.getId()).timers()
        .singleResult();
    assertThat(timer.getDuedate()).isAfter(new Date(ClockUtil.getCurrentTime().getTime()
        + Duration.ofDays(3).minusMinutes(1).toMillis()));
    passTime(Duration.ofDays(3).plusMinutes(1));
    execute(timer);

    BpmnAwareTests.assertThat(sale).isWaitingAt("receiveTask_awaitSignature", "userTask_remindSignature");
    // the link is mailed when the note is sent, and a new one when the reminder comes
    assertThat(mocks.calls).filteredOn(call -> call.startsWith("sendSignatureLink:")).containsExactly(
        "sendSignatureLink:userTask_sendDeliveryNote", "sendSignatureLink:userTask_remindSignature");
  }
}
