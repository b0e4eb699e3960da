package com.relais.crm.diagrams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * processes/monthly-report.bpmn alone: the timer on the 1st at 06:00 reports on the month just ended, a requested
 * month starts at once, building and mailing are jobs of their own, and a failing mail is retried without building
 * the report again.
 */
@Deployment(resources = "monthly-report.bpmn")
class MonthlyReportDiagramTest extends DiagramTest {
  @RegisterExtension
  static ProcessEngineExtension engine = diagramEngine();

  /** Mid-November 2026, before the diagram is deployed. */
  private static final LocalDateTime MID_NOVEMBER = LocalDateTime.of(2026, 11, 15, 10, 0);
  private static final LocalDateTime FIRST_OF_DECEMBER = LocalDateTime.of(2026, 12, 1, 6, 0);

  private DiagramMocks mocks;
  private int mailFailuresLeft;

  @Override
  protected ProcessEngineExtension engine() {
    return engine;
  }

  /**
   * The extension deploys the diagram after every @BeforeEach, so the timer's first due date is worked out from
   * mid-November. The engine reads the cron expression in the JVM's zone, hence the local times.
   */
  @BeforeEach
  void midNovemberWithTheCrmMocked() {
    ClockUtil.setCurrentTime(at(MID_NOVEMBER));
    mocks = new DiagramMocks().delegate("buildMonthlyReport");
    mailFailuresLeft = 0;
    Mocks.register("monthJustEnded", (JavaDelegate) execution -> {
      mocks.calls.add("monthJustEnded");
      execution.setVariable("month", "2026-11");
      execution.setProcessBusinessKey("2026-11");
    });
    Mocks.register("mailMonthlyReport", (JavaDelegate) execution -> {
      mocks.calls.add("mailMonthlyReport");
      if (mailFailuresLeft > 0) {
        mailFailuresLeft--;
        throw new IllegalStateException("the database went away");
      }
      execution.setVariable("managersMailed", 2);
    });
  }

  private static Date at(LocalDateTime localTime) {
    return Date.from(localTime.atZone(ZoneId.systemDefault()).toInstant());
  }

  private Job monthlyTimer() {
    return BpmnAwareTests.managementService().createJobQuery().processDefinitionKey("monthly-report").timers()
        .singleResult();
  }

  private ProcessInstance requested(String month) {
    return runtimeService().createMessageCorrelation("MonthlyReportRequested").processInstanceBusinessKey(month)
        .setVariable("month", month).setVariable("requestedBy", "manager").correlateStartMessage();
  }

  @Test
  void theTimerOnTheFirstAtSixReportsOnTheMonthJustEnded() {
    Job timer = monthlyTimer();
    assertThat(timer.getDuedate()).hasSameTimeAs(at(FIRST_OF_DECEMBER));

    ClockUtil.setCurrentTime(at(FIRST_OF_DECEMBER.plusMinutes(1)));
    execute(timer);

    ProcessInstance report = runtimeService().createProcessInstanceQuery().processDefinitionKey("monthly-report")
        .singleResult();
    assertThat(report.getBusinessKey()).isEqualTo("2026-11");
    BpmnAwareTests.assertThat(report).hasPassed("startEvent_firstOfMonth", "serviceTask_monthJustEnded")
        .isWaitingAt("serviceTask_buildReport");
    BpmnAwareTests.assertThat(report).variables().containsEntry("month", "2026-11");
    // the next report is January's, on the 1st of January
    assertThat(monthlyTimer().getDuedate()).hasSameTimeAs(at(FIRST_OF_DECEMBER.plusMonths(1)));

    execute(job(report));
    BpmnAwareTests.assertThat(report).isWaitingAt("serviceTask_mailReport");
    execute(job(report));

    BpmnAwareTests.assertThat(report).isEnded().hasPassed("serviceTask_buildReport", "serviceTask_mailReport",
        "endEvent_reportMailed");
    assertThat(mocks.calls).containsExactly("monthJustEnded", "buildMonthlyReport", "mailMonthlyReport");
  }

  @Test
  void aRequestedMonthIsBuiltThenMailedEachInAJobOfItsOwn() {
    ProcessInstance report = requested("2026-09");

    assertThat(report.getBusinessKey()).isEqualTo("2026-09");
    // nothing runs in the requesting manager's transaction
    BpmnAwareTests.assertThat(report).isWaitingAt("serviceTask_buildReport");
    assertThat(mocks.calls).isEmpty();
    execute(job(report));
    BpmnAwareTests.assertThat(report).isWaitingAt("serviceTask_mailReport");
    assertThat(mocks.calls).containsExactly("buildMonthlyReport");
    execute(job(report));

    BpmnAwareTests.assertThat(report).isEnded().hasPassed("startEvent_reportRequested", "endEvent_reportMailed")
        .hasNotPassed("serviceTask_monthJustEnded");
    BpmnAwareTests.assertThat(report).variables().containsEntry("managersMailed", 2);
    assertThat(mocks.calls).containsExactly("buildMonthlyReport", "mailMonthlyReport");
  }

  @Test
  void aFailingMailIsRetriedWithoutBuildingTheReportAgain() {
    ProcessInstance report = requested("2026-10");
    execute(job(report));
    mailFailuresLeft = 1;
    try {
      execute(job(report));
    } catch (RuntimeException expected) {
      // the mail's job keeps its place with one retry less
    }

    BpmnAwareTests.assertThat(report).isWaitingAt("serviceTask_mailReport");
    assertThat(job(report).getRetries()).isEqualTo(2);
    execute(job(report));

    BpmnAwareTests.assertThat(report).isEnded().hasPassed("endEvent_reportMailed");
    assertThat(mocks.calls).containsExactly("buildMonthlyReport", "mailMonthlyReport", "mailMonthlyReport");
  }
}
