package com.relais.crm.diagrams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.Duration;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;

/** processes/delivery.bpmn alone, with its two decision tables: both paths, the decisions, the carrier timers. */
@Deployment(resources = {"delivery.bpmn", "transport-choice.dmn", "approval-level.dmn"})
class DeliveryDiagramTest extends DiagramTest {
  @RegisterExtension
  static ProcessEngineExtension engine = diagramEngine();

  private DiagramMocks mocks;

  @Override
  protected ProcessEngineExtension engine() {
    return engine;
  }

  @BeforeEach
  void mockTheCrm() {
    mocks = new DiagramMocks().stageListener("deliveryStageListener").taskListener("deliveryDecisionRecorder")
        .taskListener("sendReceptionLink").delegate("issueDeliveryNote").delegate("requestCarrierQuote").delegate("requestSupport")
        .delegateSetting("generateReceptionNote", "receptionNoteAttachmentId", 81L);
  }

  private ProcessInstance start(String transport, boolean simplified, double amount) {
    return runtimeService().startProcessInstanceByKey("delivery", key, withVariables("opportunityId", 7L,
        "transport", transport, "simplified", simplified, "dealAmount", amount, "internalTransportCost", 250.0,
        "carrierQuote", null));
  }

  @Test
  void theSimplifiedPathGoesFromTheNoteStraightToConfirmation() {
    ProcessInstance delivery = start("INTERNAL", true, 3000);
    complete(task("userTask_confirmDelivery", delivery), withVariables("confirmed", true));
    complete(task("userTask_payTransport", delivery), withVariables("paymentReference", "PAY-1"));
    execute(job(delivery));
    complete(task("userTask_recordReception", delivery), withVariables("receptionOutcome", "POSITIVE"));

    BpmnAwareTests.assertThat(delivery).isEnded().hasPassed("endEvent_delivered")
        .hasNotPassed("userTask_evaluateTransportCost", "userTask_approveTransport");
    assertThat(mocks.stages).containsExactly("DELIVERY_1_NOTE_ISSUED", "DELIVERY_5_CONFIRMATION",
        "DELIVERY_6_PAYMENT", "DELIVERY_7_RECEIVED");
  }

  @Test
  void anExternalDeliveryWaitsForItsQuoteAndABigCostGoesToTheManagers() {
    ProcessInstance delivery = start("EXTERNAL", false, 4000);
    BpmnAwareTests.assertThat(delivery).isWaitingAt("receiveTask_awaitCarrierQuote");
    runtimeService().createMessageCorrelation("CarrierQuoteReceived").processInstanceBusinessKey(key)
        .setVariable("carrierQuote", 1500.0).correlate();
    // the quote is kept first; the cost evaluation follows in a job of its own
    BpmnAwareTests.assertThat(delivery).hasPassed("receiveTask_awaitCarrierQuote").isNotWaitingAt("userTask_evaluateTransportCost");
    execute(job(delivery));

    complete(task("userTask_evaluateTransportCost", delivery), withVariables("transportCost", 1500.0));
    BpmnAwareTests.assertThat(task("userTask_approveTransport", delivery)).hasCandidateGroup("managers");
    complete(task("userTask_approveTransport", delivery), withVariables("transportApproved", false));
    BpmnAwareTests.assertThat(delivery).isWaitingAt("userTask_evaluateTransportCost");
    complete(task("userTask_evaluateTransportCost", delivery), withVariables("transportCost", 300.0));
    complete(task("userTask_approveTransport", delivery), withVariables("transportApproved", true));
    complete(task("userTask_confirmDelivery", delivery), withVariables("confirmed", true));
    complete(task("userTask_payTransport", delivery), withVariables("paymentReference", "PAY-2"));
    execute(job(delivery));
    complete(task("userTask_recordReception", delivery), withVariables("receptionOutcome", "NEGATIVE"));
    execute(job(delivery));

    BpmnAwareTests.assertThat(delivery).isEnded().hasPassed("serviceTask_requestSupport", "endEvent_rejected");
    assertThat(mocks.stages).startsWith("DELIVERY_1_NOTE_ISSUED", "DELIVERY_2_CARRIER_TRANSFER",
        "DELIVERY_3_COST_EVALUATION", "DELIVERY_4_FINANCIAL_APPROVAL").endsWith("DELIVERY_8_REJECTED");
    // reaching the reception mails the customer a link to sign it on their phone
    assertThat(mocks.calls).contains("requestCarrierQuote", "requestSupport",
        "sendReceptionLink:userTask_recordReception");
  }

  @Test
  void aCarrierSilentForTwoDaysIsChasedWhileTheDeliveryKeepsWaiting() {
    ProcessInstance delivery = start("EXTERNAL", false, 4000);
    passTime(Duration.ofDays(2).plusMinutes(1));
    execute(BpmnAwareTests.managementService().createJobQuery().processInstanceId(delivery.getId()).timers()
        .duedateLowerThan(org.camunda.bpm.engine.impl.util.ClockUtil.getCurrentTime()).singleResult());

    BpmnAwareTests.assertThat(delivery).isWaitingAt("receiveTask_awaitCarrierQuote", "userTask_chaseCarrier");
  }
}
