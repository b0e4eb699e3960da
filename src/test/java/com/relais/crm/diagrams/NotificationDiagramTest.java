package com.relais.crm.diagrams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** processes/notification.bpmn alone: the task is the recipient's, named after the message, and ends when read. */
class NotificationDiagramTest extends DiagramTest {
  @RegisterExtension
  static ProcessEngineExtension engine = diagramEngine();

  @Override
  protected ProcessEngineExtension engine() {
    return engine;
  }

  @Test
  @Deployment(resources = "notification.bpmn")
  void theRecipientGetsATaskNamedAfterTheMessageAndReadingItEndsIt() {
    ProcessInstance notification = runtimeService().startProcessInstanceByKey("notification", key, withVariables(
        "recipient", "sales2", "notificationSubject", "Deal won: Cheese cellar", "notificationText", "Details",
        "notificationLink", "http://localhost:8080/api/opportunities/1"));

    BpmnAwareTests.assertThat(notification).isWaitingAt("userTask_readNotification");
    BpmnAwareTests.assertThat(task(notification)).isAssignedTo("sales2").hasName("Deal won: Cheese cellar");
    assertThat(task(notification).getDueDate()).isNotNull();
    complete(task(notification));
    BpmnAwareTests.assertThat(notification).isEnded().hasPassed("endEvent_notificationRead");
  }
}
