package com.relais.crm.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.relais.crm.DealDriver;
import com.relais.crm.HttpTest;
import com.relais.crm.delivery.DeliveryProcess;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricIdentityLinkLog;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.task.Comment;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * History level relais (docs/performance.md, "History for its readers"): a deal driven through its stages leaves every
 * kind of history a reader of ours uses, and none of the details nobody reads. Fails if a reader loses its data, or if
 * the engine silently runs at full again.
 */
@HttpTest
class HistoryForItsReadersTest {
  @Autowired ProcessEngine engine;
  @Autowired DealDriver deals;
  @Autowired DeliveryProcess delivery;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired FormService formService;
  @Autowired HistoryService history;
  @Autowired IdentityService identityService;
  @Autowired JdbcTemplate jdbc;

  @Test
  void theEngineRunsAtTheRelaisLevelAndTheDatabaseSaysSo() {
    var configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    assertThat(configuration.getHistoryLevel()).isInstanceOf(RelaisHistoryLevel.class);
    assertThat(engine.getManagementService().getHistoryLevel()).isEqualTo(RelaisHistoryLevel.ID);
    assertThat(storedLevel()).isEqualTo(Integer.toString(RelaisHistoryLevel.ID));
  }

  /** Full, event type by event type, but the two kinds of details. */
  @Test
  void theLevelIsFullLessTheDetails() {
    assertThat(RelaisHistoryLevel.DROPPED).containsExactlyInAnyOrder(
        HistoryEventTypes.VARIABLE_INSTANCE_UPDATE_DETAIL, HistoryEventTypes.FORM_PROPERTY_UPDATE);
    for (HistoryEventTypes type : HistoryEventTypes.values()) {
      boolean dropped = RelaisHistoryLevel.DROPPED.contains(type);
      assertThat(new RelaisHistoryLevel(Set.of()).isHistoryEventProduced(type, null)).as(type.name())
          .isEqualTo(!dropped && HistoryLevel.HISTORY_LEVEL_FULL.isHistoryEventProduced(type, null));
    }
  }

  @Test
  void aDatabaseStoredAtFullMovesToRelaisAtStartAndOtherLevelsAreLeftToCamundasCheck() {
    var commands = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
        .getCommandExecutorTxRequired();
    try {
      setStoredLevel(Integer.toString(HistoryLevel.HISTORY_LEVEL_FULL.getId()));
      commands.execute(new HistoryForItsReaders.StoredLevelFollowsSetting(null));
      assertThat(storedLevel()).isEqualTo(Integer.toString(RelaisHistoryLevel.ID));

      // audit is not ours to change: Camunda's own check refuses the mismatch at start
      setStoredLevel(Integer.toString(HistoryLevel.HISTORY_LEVEL_AUDIT.getId()));
      commands.execute(new HistoryForItsReaders.StoredLevelFollowsSetting(null));
      assertThat(storedLevel()).isEqualTo(Integer.toString(HistoryLevel.HISTORY_LEVEL_AUDIT.getId()));
    } finally {
      setStoredLevel(Integer.toString(RelaisHistoryLevel.ID));
    }
  }

  @Test
  void everyReaderStillGetsItsHistoryAndNoDetailIsWritten() {
    long deal = deals.openDeal("History Readers", "18000");
    String key = Long.toString(deal);
    String sale = deals.instance("sale", deal).getId();
    // a variable created, then changed: at full each write is also a detail row
    runtimeService.setVariable(sale, "historyProbe", "first");
    runtimeService.setVariable(sale, "historyProbe", "second");

    // qualify as Tasklist does it: claimed, commented, its form submitted, by a logged-in user
    Task qualify = deals.task(deal, "userTask_qualifyProspect");
    identityService.setAuthentication("sales", List.of("sales"));
    try {
      taskService.claim(qualify.getId(), "sales");
      taskService.createComment(qualify.getId(), sale, "Called them: interested");
      formService.submitTaskForm(qualify.getId(), Map.of("saleOutcome", "OPEN"));
    } finally {
      identityService.clearAuthentication();
    }
    deals.awaitJobs(deal);
    deals.complete(deal, "userTask_prepareProposal", Map.of("saleOutcome", "OPEN"));
    deals.complete(deal, "userTask_followUpProposal", Map.of("saleOutcome", "OPEN"));
    deals.complete(deal, "userTask_negotiate", Map.of("saleOutcome", "WON", "transport", "EXTERNAL",
        "simplified", false));
    deals.complete(deal, "userTask_sendDeliveryNote", Map.of("deliveryNoteSent", true));
    runtimeService.correlateMessage("DeliveryNoteSigned", key);
    deals.awaitJobs(deal);
    String deliveryId = deals.instance("delivery", deal).getId();
    assertThat(delivery.receiveQuote(deal, new BigDecimal("420"))).isTrue();
    deals.awaitJobs(deal);
    // an incident, raised and resolved (Cockpit's incident history)
    Incident incident = runtimeService.createIncident("relaisHistoryProbe", deliveryId, "probe", "a probe");
    runtimeService.resolveIncident(incident.getId());

    // process instance history (the deal story in Cockpit, the export, transport payments)
    HistoricProcessInstance finishedSale = history.createHistoricProcessInstanceQuery().processInstanceId(sale)
        .singleResult();
    assertThat(finishedSale.getBusinessKey()).isEqualTo(key);
    assertThat(finishedSale.getEndTime()).isNotNull();
    assertThat(finishedSale.getState()).isEqualTo(HistoricProcessInstance.STATE_COMPLETED);
    List<String> instances = history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(key).list()
        .stream().map(HistoricProcessInstance::getId).toList();
    assertThat(instances).contains(sale, deliveryId);

    // activity history: the dashboard's stage times (finished user tasks with their durations), the deal story's
    // steps with their assignee, process test coverage
    List<HistoricActivityInstance> steps = history.createHistoricActivityInstanceQuery().processInstanceId(sale)
        .activityType("userTask").finished().list();
    assertThat(steps).extracting(HistoricActivityInstance::getActivityId).contains("userTask_qualifyProspect",
        "userTask_prepareProposal", "userTask_followUpProposal", "userTask_negotiate", "userTask_sendDeliveryNote");
    assertThat(steps).allSatisfy(step -> assertThat(step.getDurationInMillis()).isNotNull());
    HistoricActivityInstance qualifyStep = steps.stream()
        .filter(step -> step.getActivityId().equals("userTask_qualifyProspect")).findFirst().orElseThrow();
    assertThat(qualifyStep.getAssignee()).isEqualTo("sales");

    // task history with its assignee and how it ended (planned-vs-done, transport payments, the timeline)
    HistoricTaskInstance qualified = history.createHistoricTaskInstanceQuery().taskId(qualify.getId())
        .singleResult();
    assertThat(qualified.getAssignee()).isEqualTo("sales");
    assertThat(qualified.getDeleteReason()).isEqualTo("completed");
    assertThat(qualified.getEndTime()).isNotNull();

    // identity links: who may read a deal they worked on (DealReadPolicy)
    assertThat(history.createHistoricTaskInstanceQuery().processInstanceBusinessKey(key).taskInvolvedUser("sales")
        .count()).isPositive();
    assertThat(history.createHistoricTaskInstanceQuery().processInstanceBusinessKey(key)
        .taskHadCandidateGroup("sales").count()).isPositive();
    assertThat(history.createHistoricIdentityLinkLogQuery().taskId(qualify.getId()).list())
        .extracting(HistoricIdentityLinkLog::getGroupId).contains("sales");

    // the user operation log: the audit, Tasklist's history tab
    assertThat(history.createUserOperationLogQuery().processInstanceId(sale).userId("sales").list())
        .extracting(UserOperationLogEntry::getOperationType)
        .contains(UserOperationLogEntry.OPERATION_TYPE_CLAIM, UserOperationLogEntry.OPERATION_TYPE_COMPLETE);

    // comments, on the finished task and on the instance (Tasklist, the erasure)
    assertThat(taskService.getTaskComments(qualify.getId())).extracting(Comment::getFullMessage)
        .containsExactly("Called them: interested");
    assertThat(taskService.getProcessInstanceComments(sale)).extracting(Comment::getFullMessage)
        .contains("Called them: interested");

    // the card on each task (whose deal it is) is read by Tasklist from its runtime row; no history is kept of it
    Task open = deals.task(deal, "userTask_evaluateTransportCost");
    assertThat(taskService.getVariableLocal(open.getId(), "dealCard")).asString().startsWith("History Readers");
    for (String instance : instances) {
      assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(instance).variableName("dealCard")
          .count()).as("history of the cards of %s", instance).isZero();
    }

    // the latest value of each variable of a finished instance (the personal-data export)
    assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(sale).variableName("historyProbe")
        .singleResult().getValue()).isEqualTo("second");

    // the job log (the fault tests), decisions (Cockpit's decision instances), incidents (Cockpit)
    assertThat(history.createHistoricJobLogQuery().processInstanceId(sale).successLog().count()).isPositive();
    assertThat(history.createHistoricDecisionInstanceQuery().processInstanceId(deliveryId)
        .decisionDefinitionKey("transportChoice").count()).isEqualTo(1);
    assertThat(history.createHistoricIncidentQuery().processInstanceId(deliveryId).incidentType("relaisHistoryProbe")
        .resolved().count()).isEqualTo(1);

    // what is dropped: no variable-update or form-field details for any instance of the deal
    for (String instance : instances) {
      assertThat(history.createHistoricDetailQuery().processInstanceId(instance).count()).as(instance).isZero();
    }
    assertThat(jdbc.queryForObject("select count(*) from ACT_HI_DETAIL where PROC_INST_ID_ = ?", Long.class, sale))
        .isZero();
  }

  private String storedLevel() {
    return jdbc.queryForObject("select VALUE_ from ACT_GE_PROPERTY where NAME_ = ?", String.class,
        HistoryForItsReaders.STORED_LEVEL);
  }

  private void setStoredLevel(String id) {
    jdbc.update("update ACT_GE_PROPERTY set VALUE_ = ? where NAME_ = ?", id, HistoryForItsReaders.STORED_LEVEL);
  }
}
