package com.relais.crm.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import com.relais.crm.DealDriver;
import com.relais.crm.HttpTest;
import com.relais.crm.opportunity.OpportunityService;
import com.relais.crm.opportunity.SaleStage;
import com.relais.crm.support.SupportCaseService;
import com.relais.crm.support.SupportCaseStatus;
import java.time.Duration;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageTestExecutionListener;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestExecutionListeners;

/** Every path of sale, delivery and support on the real diagrams, delegates, listeners, CRM tables and job executor. */
@HttpTest
@TestExecutionListeners(value = ProcessEngineCoverageTestExecutionListener.class,
    mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
class DealFlowProcessTest {
  @Autowired ProcessEngine engine;
  @Autowired DealDriver deals;
  @Autowired OpportunityService opportunities;
  @Autowired DeliveryService deliveries;
  @Autowired DeliveryProcess deliveryProcess;
  @Autowired SupportCaseService supportCases;
  @Autowired TaskService taskService;
  @Autowired org.springframework.transaction.support.TransactionTemplate transactions;

  @BeforeEach
  void setUp() {
    init(engine);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
    deals.awaitQuietEngine();
  }

  /** The delivery found for a deal is remembered by id; one whose creation was rolled back must not be found. */
  @Test
  void aDeliveryWhoseCreationWasRolledBackIsNotFoundAgain() {
    long id = deals.openDeal("Rollback Traders", "1000");
    transactions.executeWithoutResult(status -> {
      deliveries.open(id, "EXTERNAL", false);
      assertThat(deliveries.find(id)).isPresent();
      status.setRollbackOnly();
    });
    assertThat(deliveries.find(id)).isEmpty();

    Delivery opened = transactions.execute(status -> deliveries.open(id, "INTERNAL", true));
    assertThat(deliveries.get(id).getId()).isEqualTo(opened.getId());
    assertThat(deliveries.get(id).getTransport()).isEqualTo("INTERNAL");
  }

  @Test
  void aWonDealIsDeliveredExternallyAfterARefusedApproval() {
    long id = deals.openDeal("Fromagerie Leroux", "40000");
    deals.negotiateToSignature(id, "EXTERNAL", false);
    ProcessInstance sale = deals.instance("sale", id);
    BpmnAwareTests.assertThat(sale).isWaitingAt("receiveTask_awaitSignature");
    assertThat(opportunities.get(id).getStage()).isEqualTo(SaleStage.SALE_5_SIGNATURE);

    engine.getRuntimeService().createMessageCorrelation("DeliveryNoteSigned").processInstanceBusinessKey("" + id)
        .setVariable("signedBy", "Mme Leroux").correlate();
    deals.awaitJobs(id);
    BpmnAwareTests.assertThat(sale).isEnded().hasPassedInOrder(
        "userTask_qualifyProspect", "userTask_prepareProposal", "userTask_followUpProposal", "userTask_negotiate",
        "serviceTask_generateDeliveryNote", "userTask_sendDeliveryNote", "receiveTask_awaitSignature",
        "serviceTask_startDelivery", "endEvent_won");
    assertThat(opportunities.get(id).getStage()).isEqualTo(SaleStage.SALE_6_WON);
    // the win starts the after-sale follow-up with the default template, under the same business key
    BpmnAwareTests.assertThat(deals.instance("after-sale", id)).isActive();

    ProcessInstance delivery = deals.instance("delivery", id);
    BpmnAwareTests.assertThat(delivery).isWaitingAt("receiveTask_awaitCarrierQuote");
    assertThat(deliveries.get(id).getStage()).isEqualTo(DeliveryStage.DELIVERY_2_CARRIER_TRANSFER);

    assertThat(deliveryProcess.receiveQuote(id, new java.math.BigDecimal("180"))).isTrue();
    deals.awaitJobs(id);
    BpmnAwareTests.assertThat(delivery).isWaitingAt("userTask_evaluateTransportCost");
    assertThat(engine.getRuntimeService().getVariable(delivery.getId(), "recommendedTransport")).isEqualTo("EXTERNAL");
    assertThat(deliveries.get(id).getStage()).isEqualTo(DeliveryStage.DELIVERY_3_COST_EVALUATION);

    deals.complete(id, "userTask_evaluateTransportCost", Map.of("transport", "EXTERNAL", "transportCost", 180));
    var approval = deals.task(id, "userTask_approveTransport");
    assertThat(taskService.getIdentityLinksForTask(approval.getId())).anyMatch(l -> "finance".equals(l.getGroupId()));
    deals.complete(id, "userTask_approveTransport", Map.of("transportApproved", false,
        "rejectionReason", "Ask for a second quote"));
    BpmnAwareTests.assertThat(delivery).isWaitingAt("userTask_evaluateTransportCost");

    deals.complete(id, "userTask_evaluateTransportCost", Map.of("transport", "EXTERNAL", "transportCost", 160));
    deals.complete(id, "userTask_approveTransport", Map.of("transportApproved", true));
    deals.complete(id, "userTask_confirmDelivery", Map.of("confirmed", true));
    deals.complete(id, "userTask_payTransport", Map.of("paymentReference", "PAY-2026-0042"));
    BpmnAwareTests.assertThat(delivery).isWaitingAt("userTask_recordReception");
    assertThat(engine.getRuntimeService().getVariable(delivery.getId(), "receptionNoteAttachmentId")).isNotNull();
    deals.complete(id, "userTask_recordReception", Map.of("receptionOutcome", "POSITIVE"));

    BpmnAwareTests.assertThat(delivery).isEnded();
    Delivery record = deliveries.get(id);
    assertThat(record.getStage()).isEqualTo(DeliveryStage.DELIVERY_7_RECEIVED);
    assertThat(record.getCarrierQuote()).isEqualByComparingTo("180");
    assertThat(record.getTransportCost()).isEqualByComparingTo("160");
    assertThat(record.getPaymentReference()).isEqualTo("PAY-2026-0042");
    assertThat(opportunities.historyOf(id)).extracting(c -> c.getToStage()).containsExactly(
        "SALE_1_PROSPECT", "SALE_2_QUALIFIED", "SALE_3_PROPOSAL", "SALE_4_NEGOTIATION", "SALE_5_SIGNATURE",
        "SALE_6_WON", "DELIVERY_1_NOTE_ISSUED", "DELIVERY_2_CARRIER_TRANSFER", "DELIVERY_3_COST_EVALUATION",
        "DELIVERY_4_FINANCIAL_APPROVAL", "DELIVERY_3_COST_EVALUATION", "DELIVERY_4_FINANCIAL_APPROVAL",
        "DELIVERY_5_CONFIRMATION", "DELIVERY_6_PAYMENT", "DELIVERY_7_RECEIVED");
  }

  @ParameterizedTest
  @ValueSource(strings = {"userTask_qualifyProspect", "userTask_prepareProposal", "userTask_followUpProposal",
      "userTask_negotiate"})
  void aDealLostAtAnyStageEndsTheSale(String lostAt) {
    long id = deals.openDeal("Lost at " + lostAt, "1000");
    ProcessInstance sale = deals.instance("sale", id);
    for (String task : new String[] {"userTask_qualifyProspect", "userTask_prepareProposal",
        "userTask_followUpProposal", "userTask_negotiate"}) {
      if (task.equals(lostAt)) {
        deals.complete(id, task, Map.of("saleOutcome", "LOST"));
        break;
      }
      deals.complete(id, task, Map.of("saleOutcome", "OPEN"));
    }
    BpmnAwareTests.assertThat(sale).isEnded().hasPassed("endEvent_lost").hasNotPassed("endEvent_won");
    assertThat(opportunities.get(id).getStage()).isEqualTo(SaleStage.SALE_LOST);
    assertThat(deliveries.find(id)).isEmpty();
  }

  /** docs/architecture.md: the CRM stage and the engine step commit together or not at all. */
  @Test
  void aRolledBackEngineStepLeavesNoStageChangeBehind() {
    long id = deals.openDeal("Rollback Check", "700");
    String taskId = deals.task(id, "userTask_qualifyProspect").getId();
    assertThatThrownBy(() -> transactions.executeWithoutResult(status -> {
      taskService.complete(taskId, Map.of("saleOutcome", "OPEN"));
      assertThat(opportunities.get(id).getStage()).isEqualTo(SaleStage.SALE_2_QUALIFIED);
      throw new IllegalStateException("the caller fails after the engine step");
    })).hasMessageContaining("the caller fails");

    assertThat(opportunities.get(id).getStage()).isEqualTo(SaleStage.SALE_1_PROSPECT);
    assertThat(opportunities.historyOf(id)).extracting(c -> c.getToStage()).containsExactly("SALE_1_PROSPECT");
    assertThat(deals.task(id, "userTask_qualifyProspect").getId()).isEqualTo(taskId);
  }

  @Test
  void anUnsignedNoteGetsAReminderAfterThreeDaysAndTheWaitGoesOn() {
    long id = deals.openDeal("Slow Signer SARL", "5000");
    deals.negotiateToSignature(id, "INTERNAL", false);
    deals.passTime(id, Duration.ofDays(3).plusMinutes(1));
    ProcessInstance sale = deals.instance("sale", id);
    BpmnAwareTests.assertThat(sale).isWaitingAt("receiveTask_awaitSignature", "userTask_remindSignature");
    deals.complete(id, "userTask_remindSignature", Map.of("reminderComment", "Called the customer"));
    BpmnAwareTests.assertThat(sale).isWaitingAt("receiveTask_awaitSignature");
  }

  @Test
  void aSimplifiedDeliveryGoesStraightToConfirmation() {
    long id = deals.openDeal("Simple Delivery SA", "2000");
    deals.winDeal(id, "INTERNAL", true);
    ProcessInstance delivery = deals.instance("delivery", id);
    BpmnAwareTests.assertThat(delivery).isWaitingAt("userTask_confirmDelivery");
    BpmnAwareTests.assertThat(delivery).hasNotPassed("userTask_evaluateTransportCost");
    assertThat(deliveries.get(id).getStage()).isEqualTo(DeliveryStage.DELIVERY_5_CONFIRMATION);
  }

  @Test
  void internalTransportSkipsTheCarrierAndARefusedConfirmationGoesBackToCostEvaluation() {
    long id = deals.openDeal("Internal Transport GmbH", "100000");
    deals.winDeal(id, "INTERNAL", false);
    ProcessInstance delivery = deals.instance("delivery", id);
    BpmnAwareTests.assertThat(delivery).isWaitingAt("userTask_evaluateTransportCost")
        .hasNotPassed("receiveTask_awaitCarrierQuote");
    assertThat(engine.getRuntimeService().getVariable(delivery.getId(), "recommendedTransport")).isEqualTo("INTERNAL");
    deals.complete(id, "userTask_evaluateTransportCost", Map.of("transport", "INTERNAL", "transportCost", 1500));
    var approval = deals.task(id, "userTask_approveTransport");
    assertThat(taskService.getIdentityLinksForTask(approval.getId())).anyMatch(l -> "managers".equals(l.getGroupId()));
    deals.complete(id, "userTask_approveTransport", Map.of("transportApproved", true));
    deals.complete(id, "userTask_confirmDelivery", Map.of("confirmed", false, "rejectionReason", "Customer away"));
    BpmnAwareTests.assertThat(delivery).isWaitingAt("userTask_evaluateTransportCost");
  }

  @Test
  void aSilentCarrierIsChasedAfterTwoDaysAndSkippedAfterSeven() {
    long id = deals.openDeal("Silent Carrier Client", "8000");
    deals.winDeal(id, "EXTERNAL", false);
    ProcessInstance delivery = deals.instance("delivery", id);

    deals.passTime(id, Duration.ofDays(2).plusMinutes(1));
    BpmnAwareTests.assertThat(delivery).isWaitingAt("receiveTask_awaitCarrierQuote", "userTask_chaseCarrier");
    deals.complete(id, "userTask_chaseCarrier", Map.of("chaseComment", "Left a message"));

    deals.passTime(id, Duration.ofDays(5));
    BpmnAwareTests.assertThat(delivery).isWaitingAt("userTask_evaluateTransportCost");
    assertThat(engine.getRuntimeService().getVariable(delivery.getId(), "recommendedTransport")).isEqualTo("INTERNAL");
  }

  @Test
  void aNegativeReceptionOpensASupportCaseSolvedAfterOneLoopWithAnEscalation() {
    long id = deals.openDeal("Unhappy Customer Ltd", "3000");
    deals.winDeal(id, "INTERNAL", true);
    deals.complete(id, "userTask_confirmDelivery", Map.of("confirmed", true));
    deals.complete(id, "userTask_payTransport", Map.of("paymentReference", "PAY-1"));
    ProcessInstance delivery = deals.instance("delivery", id);
    deals.complete(id, "userTask_recordReception", Map.of("receptionOutcome", "NEGATIVE",
        "receptionComment", "Two boxes crushed"));

    BpmnAwareTests.assertThat(delivery).isEnded();
    assertThat(deliveries.get(id).getStage()).isEqualTo(DeliveryStage.DELIVERY_8_REJECTED);
    ProcessInstance support = deals.instance("support", id);
    assertThat(engine.getRuntimeService().getVariable(support.getId(), "deliveryProcessInstanceId"))
        .isEqualTo(delivery.getId());
    Long caseId = deliveries.get(id).getSupportCaseId();
    assertThat(caseId).isNotNull();
    assertThat(supportCases.get(caseId).getReason()).isEqualTo("Two boxes crushed");
    BpmnAwareTests.assertThat(support).isWaitingAt("userTask_triageCase");

    deals.passTime(id, Duration.ofDays(2).plusMinutes(1));
    BpmnAwareTests.assertThat(support).isWaitingAt("userTask_triageCase", "userTask_handleEscalation");
    assertThat(taskService.getIdentityLinksForTask(deals.task(id, "userTask_handleEscalation").getId()))
        .anyMatch(l -> "managers".equals(l.getGroupId()));
    // escalated while the managers' task waits, not only once they complete it
    assertThat(supportCases.get(caseId).isEscalated()).isTrue();
    deals.complete(id, "userTask_handleEscalation", Map.of("escalationNotes", "Call the customer today"));

    deals.complete(id, "userTask_triageCase", Map.of("priority", "HIGH"));
    deals.passTime(id, Duration.ofDays(2).plusMinutes(1));
    BpmnAwareTests.assertThat(support).isWaitingAt("userTask_resolveCase", "userTask_handleEscalation");
    deals.complete(id, "userTask_handleEscalation", Map.of("escalationNotes", "Replacement approved"));
    deals.complete(id, "userTask_resolveCase", Map.of("resolution", "REPLACE"));
    deals.complete(id, "userTask_confirmResolution", Map.of("resolved", false));
    assertThat(supportCases.get(caseId).getStatus()).isEqualTo(SupportCaseStatus.REOPENED);
    deals.complete(id, "userTask_resolveCase", Map.of("resolution", "REFUND", "resolutionNotes", "Full refund"));
    deals.complete(id, "userTask_confirmResolution", Map.of("resolved", true));

    BpmnAwareTests.assertThat(support).isEnded();
    var closed = supportCases.get(caseId);
    assertThat(closed.getStatus()).isEqualTo(SupportCaseStatus.RESOLVED);
    assertThat(closed.getResolution()).isEqualTo("REFUND");
    assertThat(closed.isEscalated()).isTrue();
    assertThat(closed.getResolvedAt()).isNotNull();
  }
}
