package com.relais.crm.diagrams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.Duration;
import java.util.Date;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;

/** processes/campaign.bpmn alone: approved, it waits for its time and goes out in batches; rejected, nothing. */
@Deployment(resources = "campaign.bpmn")
class CampaignDiagramTest extends DiagramTest {
  @RegisterExtension
  static ProcessEngineExtension engine = diagramEngine();

  private DiagramMocks mocks;
  private int batches;

  @Override
  protected ProcessEngineExtension engine() {
    return engine;
  }

  @BeforeEach
  void mockTheCrm() {
    mocks = new DiagramMocks().delegate("scheduleCampaign").delegate("rejectCampaign").delegate("markCampaignSent")
        .delegate("closeCampaign");
    batches = 0;
    // three batches: the third finds the last recipients
    Mocks.register("sendCampaignBatch", (JavaDelegate) execution -> {
      batches++;
      mocks.calls.add("sendCampaignBatch");
      execution.setVariable("allSent", batches == 3);
      execution.setVariable("batchPause", "PT20S");
    });
  }

  private ProcessInstance submitted(Date sendAt) {
    return runtimeService().startProcessInstanceByKey("campaign", "campaign-" + key, withVariables("campaignId", 5L,
        "campaignName", "Winter", "audienceCount", 150L, "excludedNoConsent", 50L, "audienceSample", "A, B",
        "renderedPreview", "Dear A", "sendAt", sendAt, "replyWindow", "P30D"));
  }

  @Test
  void anApprovedCampaignWaitsForItsTimeThenGoesOutInBatches() {
    Date sendAt = new Date(ClockUtil.getCurrentTime().getTime() + Duration.ofHours(3).toMillis());
    ProcessInstance campaign = submitted(sendAt);
    BpmnAwareTests.assertThat(task(campaign)).hasCandidateGroup("managers");
    complete(task(campaign), withVariables("campaignApproved", true));

    BpmnAwareTests.assertThat(campaign).isWaitingAt("intermediateCatchEvent_sendTime");
    assertThat(job(campaign).getDuedate()).isEqualTo(sendAt);
    assertThat(managementService().createJobQuery().processInstanceId(campaign.getId()).timers()
        .duedateLowerThan(ClockUtil.getCurrentTime()).count()).isZero();
    passTime(Duration.ofHours(3).plusMinutes(1));
    execute(job(campaign));
    for (int batch = 0; batch < 3; batch++) {
      BpmnAwareTests.assertThat(campaign).isWaitingAt("serviceTask_sendBatch");
      execute(job(campaign));
      if (batch < 2) {
        // the pace: the next batch waits its pause
        BpmnAwareTests.assertThat(campaign).isWaitingAt("intermediateCatchEvent_batchPause");
        assertThat(job(campaign).getDuedate()).isAfter(ClockUtil.getCurrentTime());
        passTime(Duration.ofSeconds(21));
        execute(job(campaign));
      }
    }

    // sent, and its counts stay open to replies for the reply window
    BpmnAwareTests.assertThat(campaign).isWaitingAt("intermediateCatchEvent_replyWindow");
    assertThat(mocks.calls).endsWith("markCampaignSent");
    passTime(Duration.ofDays(29));
    assertThat(managementService().createJobQuery().processInstanceId(campaign.getId()).timers()
        .duedateLowerThan(ClockUtil.getCurrentTime()).count()).isZero();
    passTime(Duration.ofDays(1).plusMinutes(1));
    execute(job(campaign));
    BpmnAwareTests.assertThat(campaign).isEnded().hasPassed("serviceTask_closeCampaign", "endEvent_campaignClosed");
    assertThat(mocks.calls).containsExactly("scheduleCampaign", "sendCampaignBatch", "sendCampaignBatch",
        "sendCampaignBatch", "markCampaignSent", "closeCampaign");
  }

  @Test
  void aRejectedCampaignSendsNothing() {
    ProcessInstance campaign = submitted(new Date(0));
    complete(task(campaign), withVariables("campaignApproved", false, "decisionNote", "Not before the sales"));

    BpmnAwareTests.assertThat(campaign).isEnded().hasPassed("serviceTask_rejectCampaign", "endEvent_campaignRejected")
        .hasNotPassed("serviceTask_sendBatch");
    assertThat(mocks.calls).containsExactly("rejectCampaign");
  }
}
