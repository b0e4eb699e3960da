package com.relais.crm.diagrams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** processes/forecast-snapshot.bpmn alone: every Monday at 05:00 the week's forecast is kept, in a job of its own. */
@Deployment(resources = "forecast-snapshot.bpmn")
class ForecastSnapshotDiagramTest extends DiagramTest {
  /** A Saturday; the next Monday 05:00 is two days later. */
  private static final LocalDateTime SATURDAY = LocalDateTime.of(2026, 11, 28, 9, 0);
  private static final LocalDateTime MONDAY_FIVE = LocalDateTime.of(2026, 11, 30, 5, 0);

  @RegisterExtension
  static ProcessEngineExtension engine = diagramEngine();

  private DiagramMocks mocks;

  @Override
  protected ProcessEngineExtension engine() {
    return engine;
  }

  @BeforeEach
  void saturdayWithTheSnapshotMocked() {
    ClockUtil.setCurrentTime(at(SATURDAY));
    mocks = new DiagramMocks().delegateSetting("takeForecastSnapshot", "snapshotRows", 12);
  }

  private static Date at(LocalDateTime localTime) {
    return Date.from(localTime.atZone(ZoneId.systemDefault()).toInstant());
  }

  @Test
  void theMondayTimerKeepsTheWeeksForecastInAJobOfItsOwn() {
    Job timer = BpmnAwareTests.managementService().createJobQuery().processDefinitionKey("forecast-snapshot")
        .timers().singleResult();
    assertThat(timer.getDuedate()).hasSameTimeAs(at(MONDAY_FIVE));
    passTime(java.time.Duration.ofDays(2));
    execute(timer);

    ProcessInstance snapshot = BpmnAwareTests.runtimeService().createProcessInstanceQuery()
        .processDefinitionKey("forecast-snapshot").singleResult();
    // the timer only starts the instance: the snapshot waits for its own job, retried apart from the timer
    BpmnAwareTests.assertThat(snapshot).isWaitingAt("serviceTask_takeSnapshot");
    assertThat(mocks.calls).isEmpty();
    execute(job(snapshot));
    BpmnAwareTests.assertThat(snapshot).isEnded().hasPassed("endEvent_snapshotKept");
    assertThat(mocks.calls).containsExactly("takeForecastSnapshot");
    // and the next Monday's timer is waiting
    assertThat(BpmnAwareTests.managementService().createJobQuery().processDefinitionKey("forecast-snapshot")
        .timers().singleResult().getDuedate()).hasSameTimeAs(at(MONDAY_FIVE.plusDays(7)));
  }
}
