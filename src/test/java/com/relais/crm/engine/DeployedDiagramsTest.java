package com.relais.crm.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.relais.crm.HttpTest;
import java.util.Set;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Documentation;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaFailedJobRetryTimeCycle;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;

/** What the Java side relies on in the diagrams the service deployed from processes/. */
@HttpTest
class DeployedDiagramsTest {
  @Autowired RepositoryService repositoryService;

  private BpmnModelInstance latest(String key) {
    var definition = repositoryService.createProcessDefinitionQuery().processDefinitionKey(key).latestVersion()
        .singleResult();
    assertThat(definition.getHistoryTimeToLive()).as("history time to live of %s", key).isNotNull();
    return repositoryService.getBpmnModelInstance(definition.getId());
  }

  /**
   * Service tasks that run inside the step before them, because they only read or write our own records and that
   * step is asynchronous itself; each is a save point the engine would otherwise pay for on every deal.
   */
  private static final Set<String> IN_THE_STEP_BEFORE = Set.of("serviceTask_issueDeliveryNote",
      "serviceTask_requestCarrierQuote");

  /** A failing step retries three times a minute apart, then becomes an incident in Cockpit. */
  @ParameterizedTest
  @ValueSource(strings = {"sale", "delivery", "support", "after-sale"})
  void everyServiceTaskIsAsynchronousWithThreeRetries(String key) {
    for (ServiceTask task : latest(key).getModelElementsByType(ServiceTask.class)) {
      assertThat(task.getCamundaDelegateExpression()).as("%s wiring", task.getId()).startsWith("#{");
      if (IN_THE_STEP_BEFORE.contains(task.getId())) {
        assertThat(task.isCamundaAsyncBefore()).as("%s runs in the step before it", task.getId()).isFalse();
        continue;
      }
      assertThat(task.isCamundaAsyncBefore()).as("%s is asyncBefore", task.getId()).isTrue();
      var retries = task.getExtensionElements().getElementsQuery()
          .filterByType(CamundaFailedJobRetryTimeCycle.class).singleResult();
      assertThat(retries.getTextContent()).as("%s retry cycle", task.getId()).isEqualTo("R3/PT1M");
    }
  }

  /**
   * A save point ({@code asyncBefore}, {@code asyncAfter}) costs a job and a commit each time it is passed, and earns
   * them only by guarding something a failure would otherwise cost: a user's completed task or a received message,
   * a request thread, the start of other instances, a timer's job. Whoever reads the diagram, in the Modeler's
   * properties panel, must know what a save point guards before removing it, so its documentation says so in a
   * sentence starting "Save point" (issue 21; the list is in docs/performance.md). The keys are the processes that
   * have save points: each must still have one.
   */
  @ParameterizedTest
  @ValueSource(strings = {"sale", "delivery", "support", "campaign", "contact-plan", "customer-import",
      "forecast-snapshot", "monthly-report", "route-planning"})
  void everySavePointSaysWhyItIsThere(String key) {
    var savePoints = latest(key).getModelElementsByType(FlowNode.class).stream()
        .filter(node -> node.isCamundaAsyncBefore() || node.isCamundaAsyncAfter()).toList();
    assertThat(savePoints).as("save points of %s", key).isNotEmpty();
    for (FlowNode node : savePoints) {
      assertThat(node.getDocumentations().stream().map(Documentation::getTextContent))
          .as("what the save point %s of %s guards, in its documentation", node.getId(), key)
          .anyMatch(text -> text != null && text.contains("Save point"));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"sale", "delivery", "support"})
  void everyUserTaskHasAFormAGroupADueDateAndAName(String key) {
    for (UserTask task : latest(key).getModelElementsByType(UserTask.class)) {
      assertThat(task.getName()).as("name of %s", task.getId()).isNotBlank();
      assertThat(task.getCamundaFormRef()).as("form of %s", task.getId()).isNotBlank();
      assertThat(task.getCamundaCandidateGroups()).as("group of %s", task.getId()).isNotBlank();
      assertThat(task.getCamundaDueDate()).as("due date of %s", task.getId()).isNotBlank();
    }
  }

  /**
   * The processes around the deals: a user task is assigned to a person (a contact, a notification) or offered to a
   * group, and has a name and a form; a delegate is wired by its bean's name. Their steps that must share the user's
   * transaction (recording a contact, the manager's decision) are synchronous on purpose (docs/api.md).
   */
  @ParameterizedTest
  @ValueSource(strings = {"contact-plan", "customer-contact", "campaign", "campaign-reply", "notification",
      "monthly-report"})
  void theOtherProcessesHaveFormsNamesAndNamedDelegates(String key) {
    var model = latest(key);
    for (UserTask task : model.getModelElementsByType(UserTask.class)) {
      assertThat(task.getName()).as("name of %s", task.getId()).isNotBlank();
      assertThat(task.getCamundaFormRef()).as("form of %s", task.getId()).isNotBlank();
      assertThat(task.getCamundaAssignee() != null || task.getCamundaCandidateGroups() != null)
          .as("someone for %s", task.getId()).isTrue();
    }
    for (ServiceTask task : model.getModelElementsByType(ServiceTask.class)) {
      assertThat(task.getName()).as("name of %s", task.getId()).isNotBlank();
      assertThat(task.getCamundaDelegateExpression()).as("%s wiring", task.getId()).startsWith("#{");
    }
  }
}
