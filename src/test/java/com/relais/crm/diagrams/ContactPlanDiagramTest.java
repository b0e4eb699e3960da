package com.relais.crm.diagrams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;

/**
 * processes/contact-plan.bpmn alone: the weekday 07:00 timer, the calendar's say, the plan built and its contacts
 * started batch after batch, and a plan asked for by message.
 */
@Deployment(resources = "contact-plan.bpmn")
class ContactPlanDiagramTest extends DiagramTest {
  @RegisterExtension
  static ProcessEngineExtension engine = diagramEngine();

  /** Sunday 29 November 2026, before the diagram is deployed. */
  private static final LocalDateTime SUNDAY_EARLY = LocalDateTime.of(2026, 11, 29, 6, 0);
  private static final LocalDateTime MONDAY_SEVEN = LocalDateTime.of(2026, 11, 30, 7, 0);

  private DiagramMocks mocks;

  @Override
  protected ProcessEngineExtension engine() {
    return engine;
  }

  /**
   * The extension deploys the diagram after every @BeforeEach, so the start timer's first due date is worked out
   * from Sunday 06:00. The engine reads the cron expression in the JVM's zone, hence the local times.
   */
  @BeforeEach
  void sundayMorningWithTheCrmMocked() {
    ClockUtil.setCurrentTime(at(SUNDAY_EARLY));
    mocks = new DiagramMocks()
        .delegateSetting("checkCalendar", Map.of("planToday", true, "planDate", "2026-11-30"))
        .delegateSetting("buildContactPlan", "contactCount", 3);
    contactsAllStartedAfter(2);
  }

  private static Date at(LocalDateTime localTime) {
    return Date.from(localTime.atZone(ZoneId.systemDefault()).toInstant());
  }

  /** startContactBatch: the plan's contacts are all started once it has run this many batches. */
  private void contactsAllStartedAfter(int batches) {
    Mocks.register("startContactBatch", (JavaDelegate) execution -> {
      mocks.calls.add("startContactBatch");
      long batchesRun = mocks.calls.stream().filter("startContactBatch"::equals).count();
      execution.setVariable("allContactsStarted", batchesRun >= batches);
    });
  }

  private Job morningTimer() {
    return BpmnAwareTests.managementService().createJobQuery().processDefinitionKey("contact-plan").timers()
        .singleResult();
  }

  @Test
  void theMorningTimerStartsAPlanOnAWorkingDayButNotOnASunday() {
    Job timer = morningTimer();
    // deployed on Sunday at 06:00, the timer skips Sunday's 07:00 and first falls due on Monday
    assertThat(timer.getDuedate()).hasSameTimeAs(at(MONDAY_SEVEN));

    ClockUtil.setCurrentTime(at(MONDAY_SEVEN.plusMinutes(1)));
    execute(timer);

    ProcessInstance plan = runtimeService().createProcessInstanceQuery().processDefinitionKey("contact-plan")
        .singleResult();
    BpmnAwareTests.assertThat(plan).hasPassed("startEvent_workingDayMorning", "serviceTask_checkCalendar")
        .isWaitingAt("serviceTask_buildPlan");
    BpmnAwareTests.assertThat(plan).variables().containsEntry("planDate", "2026-11-30");
    // the next plan is Tuesday's
    assertThat(morningTimer().getDuedate()).hasSameTimeAs(at(MONDAY_SEVEN.plusDays(1)));

    execute(job(plan));
    BpmnAwareTests.assertThat(plan).isWaitingAt("serviceTask_startContacts");
    execute(job(plan));
    // one batch started, more to come: the next batch is a job of its own
    BpmnAwareTests.assertThat(plan).isWaitingAt("serviceTask_startContacts");
    execute(job(plan));

    BpmnAwareTests.assertThat(plan).isEnded().hasPassed("serviceTask_buildPlan", "endEvent_planSharedOut")
        .hasNotPassed("endEvent_noPlanToday");
    assertThat(mocks.calls).containsExactly("checkCalendar", "buildContactPlan", "startContactBatch",
        "startContactBatch");
  }

  @Test
  void aHolidayEndsWithoutAPlan() {
    mocks.delegateSetting("checkCalendar", Map.of("planToday", false, "planDate", "2026-11-30"));
    ClockUtil.setCurrentTime(at(MONDAY_SEVEN.plusMinutes(1)));
    execute(morningTimer());

    HistoricProcessInstance plan = historyService().createHistoricProcessInstanceQuery()
        .processDefinitionKey("contact-plan").singleResult();
    assertThat(plan.getState()).isEqualTo(HistoricProcessInstance.STATE_COMPLETED);
    assertThat(plan.getEndActivityId()).isEqualTo("endEvent_noPlanToday");
    assertThat(mocks.calls).containsExactly("checkCalendar");
  }

  @Test
  void aRequestedPlanIsBuiltAtOnce() {
    contactsAllStartedAfter(1);
    ProcessInstance plan = runtimeService().createMessageCorrelation("ContactPlanRequested")
        .processInstanceBusinessKey("2026-12-01").setVariable("planDate", "2026-12-01").correlateStartMessage();

    assertThat(plan.getBusinessKey()).isEqualTo("2026-12-01");
    BpmnAwareTests.assertThat(plan).isWaitingAt("serviceTask_buildPlan");
    execute(job(plan));
    execute(job(plan));

    BpmnAwareTests.assertThat(plan).isEnded()
        .hasPassed("startEvent_planRequested", "serviceTask_buildPlan", "serviceTask_startContacts",
            "endEvent_planSharedOut")
        .hasNotPassed("serviceTask_checkCalendar");
    assertThat(mocks.calls).containsExactly("buildContactPlan", "startContactBatch");
  }
}
