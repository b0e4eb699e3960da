package com.relais.crm.diagrams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;

/** processes/customer-contact.bpmn alone: a contact recorded in the day, or sent to the manager at the deadline. */
@Deployment(resources = "customer-contact.bpmn")
class CustomerContactDiagramTest extends DiagramTest {
  @RegisterExtension
  static ProcessEngineExtension engine = diagramEngine();

  private DiagramMocks mocks;
  private Date deadline;

  @Override
  protected ProcessEngineExtension engine() {
    return engine;
  }

  @BeforeEach
  void mockTheCrm() {
    mocks = new DiagramMocks().taskListener("contactTaskCreated").taskListener("contactOutcomeCheck")
        .delegate("recordContact").delegate("escalateContact").delegate("applyMissedDecision");
  }

  /** Monday 30 November 2026 at 08:00: a contact of the day's plan, due ten hours later. */
  private ProcessInstance planned() {
    ClockUtil.setCurrentTime(Date.from(LocalDateTime.of(2026, 11, 30, 8, 0).atZone(ZoneId.systemDefault())
        .toInstant()));
    deadline = new Date(ClockUtil.getCurrentTime().getTime() + Duration.ofHours(10).toMillis());
    return runtimeService().startProcessInstanceByKey("customer-contact", "2026-11-30", withVariables(
        "entryId", 11L, "planDate", "2026-11-30", "customerId", 7L, "customerName", "Fromagerie Durand",
        "customerPhone", "+33 1 23 45 67 89", "customerEmail", "contact@durand.example",
        "contactReason", "Open support case: ask how it is going", "recentExchanges", "2026-11-20 CALL: reached",
        "openPlanItems", "", "assignee", "sales", "teamManager", "manager", "contactDeadline", deadline,
        "contactOutcome", null, "contactNote", null, "callBackOn", null, "contactChannel", "CALL"));
  }

  @Test
  void aContactRecordedInTheDayEndsRecorded() {
    ProcessInstance contact = planned();

    BpmnAwareTests.assertThat(contact).isWaitingAtExactly("userTask_contactCustomer");
    BpmnAwareTests.assertThat(task(contact)).isAssignedTo("sales");
    assertThat(task(contact).getDueDate()).hasSameTimeAs(deadline);
    complete(task(contact), withVariables("contactOutcome", "REACHED", "contactNote", "Happy with the last box"));

    BpmnAwareTests.assertThat(contact).isEnded().hasPassed("serviceTask_recordContact", "endEvent_contactRecorded")
        .hasNotPassed("serviceTask_escalateContact");
    assertThat(mocks.calls).containsExactly("contactTaskCreated:userTask_contactCustomer",
        "contactOutcomeCheck:userTask_contactCustomer", "recordContact");
  }

  @Test
  void aContactStillOpenAtTheDeadlineGoesToTheTeamManagerWhoseDecisionClosesIt() {
    ProcessInstance contact = planned();
    passTime(Duration.ofHours(10).plusMinutes(1));
    execute(job(contact));

    // the member may still record it late; the manager is asked to decide meanwhile
    BpmnAwareTests.assertThat(contact).isWaitingAtExactly("userTask_contactCustomer", "userTask_contactMissed");
    BpmnAwareTests.assertThat(task("userTask_contactMissed", contact)).isAssignedTo("manager")
        .hasCandidateGroupAssociated("managers");
    assertThat(mocks.calls).containsExactly("contactTaskCreated:userTask_contactCustomer", "escalateContact");

    complete(task("userTask_contactMissed", contact), withVariables("missedDecision", "DROP", "decisionReason", "x"));

    // the decision ends the contact: the member's task is gone, never completed
    BpmnAwareTests.assertThat(contact).isEnded()
        .hasPassed("boundaryEvent_contactDeadline", "serviceTask_applyMissedDecision", "endEvent_contactEscalated")
        .hasNotPassed("serviceTask_recordContact");
    assertThat(taskService().createTaskQuery().processInstanceId(contact.getId()).count()).isZero();
    assertThat(mocks.calls).containsExactly("contactTaskCreated:userTask_contactCustomer", "escalateContact",
        "applyMissedDecision");
  }

  @Test
  void aResultRecordedAfterTheDeadlineClosesTheManagersTask() {
    ProcessInstance contact = planned();
    passTime(Duration.ofHours(11));
    execute(job(contact));

    complete(task("userTask_contactCustomer", contact), withVariables("contactOutcome", "REACHED"));

    BpmnAwareTests.assertThat(contact).isEnded().hasPassed("serviceTask_recordContact", "endEvent_contactRecorded")
        .hasNotPassed("serviceTask_applyMissedDecision");
    assertThat(taskService().createTaskQuery().processInstanceId(contact.getId()).count()).isZero();
  }

  @Test
  void beforeTheDeadlineTheContactStaysWithItsAssignee() {
    ProcessInstance contact = planned();
    assertThat(job(contact).getDuedate()).hasSameTimeAs(deadline);
    passTime(Duration.ofHours(9).plusMinutes(59));

    assertThat(BpmnAwareTests.managementService().createJobQuery().processInstanceId(contact.getId()).timers()
        .duedateLowerThan(ClockUtil.getCurrentTime()).count()).isZero();
    BpmnAwareTests.assertThat(contact).isWaitingAtExactly("userTask_contactCustomer");
    assertThat(mocks.calls).doesNotContain("escalateContact");
  }
}
