package com.relais.crm.diagrams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * processes/route-planning.bpmn alone: the working-day timer plans today, a requested day starts at once, the
 * solving is a job of its own, the dispatcher's approval gives each courier a "Drive the round" task, a refusal
 * ends the plan, and a day planned already is left alone.
 */
@Deployment(resources = "route-planning.bpmn")
class RoutePlanningDiagramTest extends DiagramTest {
  @RegisterExtension
  static ProcessEngineExtension engine = diagramEngine();

  /** Monday 16 November 2026, early, before the diagram is deployed. */
  private static final LocalDateTime MONDAY_EARLY = LocalDateTime.of(2026, 11, 16, 5, 0);
  private static final LocalDateTime MONDAY_0630 = LocalDateTime.of(2026, 11, 16, 6, 30);

  private DiagramMocks mocks;
  private boolean newPlan;

  @Override
  protected ProcessEngineExtension engine() {
    return engine;
  }

  @BeforeEach
  void mondayEarlyWithTheCrmMocked() {
    ClockUtil.setCurrentTime(at(MONDAY_EARLY));
    mocks = new DiagramMocks();
    newPlan = true;
    Mocks.register("takeRouteDay", (JavaDelegate) execution -> {
      mocks.calls.add("takeRouteDay");
      execution.setVariable("date", "2026-11-16");
      execution.setVariable("requestedBy", "system");
      execution.setProcessBusinessKey("2026-11-16");
    });
    Mocks.register("planRounds", (JavaDelegate) execution -> {
      mocks.calls.add("planRounds");
      execution.setVariable("planned", newPlan);
      execution.setVariable("roundsSummary", "Rounds of " + execution.getVariable("date"));
      execution.setVariable("couriers", new ArrayList<>(List.of("courier", "courier2")));
    });
    Mocks.register("recordRoundsDecision", (JavaDelegate) execution -> {
      mocks.calls.add("recordRoundsDecision:" + execution.getVariable("approved"));
      execution.setVariable("approved", Boolean.TRUE.equals(execution.getVariable("approved")));
    });
  }

  private static Date at(LocalDateTime localTime) {
    return Date.from(localTime.atZone(ZoneId.systemDefault()).toInstant());
  }

  private Job workingDayTimer() {
    return BpmnAwareTests.managementService().createJobQuery().processDefinitionKey("route-planning").timers()
        .singleResult();
  }

  private ProcessInstance requested(String date) {
    return runtimeService().createMessageCorrelation("RoutePlanRequested").processInstanceBusinessKey(date)
        .setVariable("date", date).setVariable("requestedBy", "logistics").correlateStartMessage();
  }

  @Test
  void theTimerOnAWorkingDayPlansTodayAndTheApprovalGivesEachCourierARound() {
    Job timer = workingDayTimer();
    assertThat(timer.getDuedate()).hasSameTimeAs(at(MONDAY_0630));

    ClockUtil.setCurrentTime(at(MONDAY_0630.plusMinutes(1)));
    execute(timer);

    ProcessInstance plan = runtimeService().createProcessInstanceQuery().processDefinitionKey("route-planning")
        .singleResult();
    assertThat(plan.getBusinessKey()).isEqualTo("2026-11-16");
    BpmnAwareTests.assertThat(plan).hasPassed("startEvent_workingDayMorning", "serviceTask_takeRouteDay")
        .isWaitingAt("serviceTask_planRounds");
    // the next run is Tuesday's at 06:30
    assertThat(workingDayTimer().getDuedate()).hasSameTimeAs(at(MONDAY_0630.plusDays(1)));

    execute(job(plan));
    BpmnAwareTests.assertThat(plan).isWaitingAt("userTask_approveRounds");
    BpmnAwareTests.assertThat(task(plan)).hasCandidateGroup("logistics");
    BpmnAwareTests.assertThat(plan).variables().containsEntry("roundsSummary", "Rounds of 2026-11-16");

    complete(task(plan), withVariables("approved", true));

    List<Task> rounds = taskService().createTaskQuery().processInstanceId(plan.getId())
        .taskDefinitionKey("userTask_driveRound").list();
    assertThat(rounds).extracting(Task::getAssignee).containsExactlyInAnyOrder("courier", "courier2");
    assertThat(rounds).extracting(Task::getName).containsOnly("Drive the round");
    rounds.forEach(round -> taskService().complete(round.getId()));

    BpmnAwareTests.assertThat(plan).isEnded().hasPassed("serviceTask_recordDecision", "endEvent_roundsDriven");
    assertThat(mocks.calls).containsExactly("takeRouteDay", "planRounds", "recordRoundsDecision:true");
  }

  @Test
  void aRequestedDayIsSolvedInAJobOfItsOwnAndARefusalEndsIt() {
    ProcessInstance plan = requested("2026-12-03");

    assertThat(plan.getBusinessKey()).isEqualTo("2026-12-03");
    BpmnAwareTests.assertThat(plan).isWaitingAt("serviceTask_planRounds");
    assertThat(mocks.calls).isEmpty();
    execute(job(plan));

    complete(task(plan), withVariables("approved", false));

    BpmnAwareTests.assertThat(plan).isEnded().hasPassed("startEvent_planRequested", "endEvent_roundsRefused")
        .hasNotPassed("serviceTask_takeRouteDay", "userTask_driveRound");
    assertThat(mocks.calls).containsExactly("planRounds", "recordRoundsDecision:false");
  }

  @Test
  void aDayPlannedAlreadyIsLeftAlone() {
    newPlan = false;
    ProcessInstance plan = requested("2026-12-04");
    execute(job(plan));

    BpmnAwareTests.assertThat(plan).isEnded().hasPassed("endEvent_alreadyPlanned")
        .hasNotPassed("userTask_approveRounds");
  }
}
