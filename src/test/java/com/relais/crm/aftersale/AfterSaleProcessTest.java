package com.relais.crm.aftersale;

import static com.relais.crm.aftersale.AfterSaleTestSupport.createTemplate;
import static com.relais.crm.aftersale.AfterSaleTestSupport.newDeal;
import static com.relais.crm.aftersale.AfterSaleTestSupport.task;
import static com.relais.crm.aftersale.AfterSaleTestSupport.template;
import static org.assertj.core.api.Assertions.assertThat;

import com.relais.crm.Api;
import com.relais.crm.HttpTest;
import com.relais.crm.opportunity.SaleWon;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** The after-sale process with its real engine, templates and listeners. */
@HttpTest
class AfterSaleProcessTest {
  @Autowired TestRestTemplate rest;
  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired IdentityService identityService;
  @Autowired AuthorizationService authorizationService;
  @Autowired ApplicationEventPublisher events;
  @Autowired TransactionTemplate transaction;
  @Autowired AfterSaleReminders reminders;
  @Autowired JdbcTemplate jdbc;

  @BeforeEach
  void initAssertions() {
    AbstractAssertions.init(engine);
  }

  @Autowired com.relais.crm.DealDriver driver;

  @AfterEach
  void resetClockAndUser() {
    ClockUtil.reset();
    identityService.clearAuthentication();
    driver.awaitQuietEngine();
  }

  private ProcessInstance afterSaleOf(long dealId) {
    return runtimeService.createProcessInstanceQuery().processDefinitionKey("after-sale")
        .processInstanceBusinessKey(Long.toString(dealId)).singleResult();
  }

  private List<Task> tasksOf(ProcessInstance instance) {
    return taskService.createTaskQuery().processInstanceId(instance.getId()).orderByTaskName().asc().list();
  }

  private void win(long dealId, Long templateId) {
    transaction.executeWithoutResult(s -> events.publishEvent(new SaleWon(dealId, "EXTERNAL", false, templateId)));
  }

  @Test
  void aWonSaleGetsTheDefaultTemplatesTasks() {
    createTemplate(rest, template("Default for test", true,
        task("Install", "logistics", null, "P3D", null),
        task("Call back", "sales", null, "P14D", "P10D")));
    long deal = newDeal(rest, "Won with default");

    win(deal, null);

    ProcessInstance instance = afterSaleOf(deal);
    BpmnAwareTests.assertThat(instance).isStarted().isWaitingAt("userTask_afterSaleTask");
    List<Task> tasks = tasksOf(instance);
    assertThat(tasks).extracting(Task::getName).containsExactly("Call back", "Install");
    assertThat(taskService.createTaskQuery().processInstanceId(instance.getId()).taskCandidateGroup("logistics")
        .singleResult().getName()).isEqualTo("Install");
    assertThat(runtimeService.getVariable(instance.getId(), "customerName")).isEqualTo("Customer of Won with default");
    assertThat(runtimeService.getVariable(instance.getId(), "opportunityTitle")).isEqualTo("Won with default");

    // a retried job publishes again: nothing more starts
    win(deal, null);
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("after-sale")
        .processInstanceBusinessKey(Long.toString(deal)).count()).isEqualTo(1);

    for (Task task : tasks) {
      taskService.complete(task.getId(), Map.of("done", true, "comment", "ok"));
    }
    BpmnAwareTests.assertThat(instance).hasPassed("userTask_afterSaleTask").isEnded();
    // each task keeps its own done/comment: parallel tasks do not overwrite each other at process level
    var done = engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
        .variableName("done").list();
    assertThat(done).hasSize(2).allSatisfy(v -> {
      assertThat(v.getValue()).isEqualTo(true);
      assertThat(v.getActivityInstanceId()).isNotEqualTo(instance.getId());
    });
  }

  @Test
  void aSaleWonByATasklistUserStartsTheAfterSaleEvenWithoutStartRights() {
    long chosen = createTemplate(rest, template("Won in Tasklist", false,
        task("After a user's completion", "sales", null, "P1D", null)));
    long deal = newDeal(rest, "Won by a person");
    var commands = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
        .getCommandExecutorTxRequired();
    identityService.setAuthentication("sales", List.of("sales"));
    try {
      commands.execute(context -> {
        events.publishEvent(new SaleWon(deal, "EXTERNAL", false, chosen));
        return null;
      });
    } finally {
      identityService.clearAuthentication();
    }
    assertThat(tasksOf(afterSaleOf(deal))).extracting(Task::getName).containsExactly("After a user's completion");
  }

  @Test
  void aWonSaleGetsTheTemplateChosenAtTheLastSaleStep() {
    long chosen = createTemplate(rest, template("Chosen at won", false,
        task("Chosen task", "sales", null, "P1D", null)));
    long deal = newDeal(rest, "Won with chosen");

    win(deal, chosen);

    assertThat(tasksOf(afterSaleOf(deal))).extracting(Task::getName).containsExactly("Chosen task");
    assertThat(runtimeService.getVariable(afterSaleOf(deal).getId(), "afterSaleTemplateId")).isEqualTo(chosen);
  }

  @Test
  void startedLaterOnRequestAndASecondStartIsRefused() {
    long chosen = createTemplate(rest, template("On request", false,
        task("Requested task", "sales", null, "P2D", null)));
    long deal = newDeal(rest, "Later after-sale");
    var early = Api.as(rest, "sales").post("/api/opportunities/" + deal + "/after-sale", Map.of("templateId", chosen));
    assertThat(early.status()).as("a deal that is not won gets no after-sale").isEqualTo(409);
    jdbc.update("update opportunity set stage = 'SALE_6_WON' where id = ?", deal); // won, no after-sale yet

    var started = Api.as(rest, "sales").post("/api/opportunities/" + deal + "/after-sale", Map.of("templateId", chosen));
    assertThat(started.status()).as(started.toString()).isEqualTo(201);
    assertThat(started.json().path("templateName").asText()).isEqualTo("On request");
    assertThat(tasksOf(afterSaleOf(deal))).extracting(Task::getName).containsExactly("Requested task");

    var again = Api.as(rest, "sales").post("/api/opportunities/" + deal + "/after-sale", Map.of("templateId", chosen));
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.contentType()).startsWith("application/problem+json");

    assertThat(Api.as(rest, "sales").post("/api/opportunities/987654321/after-sale", Map.of("templateId", chosen))
        .status()).isEqualTo(404);
    assertThat(Api.as(rest, "logistics").post("/api/opportunities/" + deal + "/after-sale", Map.of())
        .status()).isEqualTo(403);
    long other = newDeal(rest, "Unknown template");
    jdbc.update("update opportunity set stage = 'SALE_6_WON' where id = ?", other);
    var unknown = Api.as(rest, "sales").post("/api/opportunities/" + other + "/after-sale",
        Map.of("templateId", 987654321));
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.json().path("errors").findValuesAsText("field")).containsExactly("templateId");
  }

  @Test
  void aTaskWithAReminderIsPendingUntilItsDateThenItsCandidatesAreNotified() {
    long chosen = createTemplate(rest, template("With reminders", false,
        task("No reminder", "sales", null, "P3D", null),
        task("With reminder", "support", null, "P7D", "P2D")));
    long deal = newDeal(rest, "Reminders");
    Date start = new Date();
    ClockUtil.setCurrentTime(start);
    win(deal, chosen);
    ProcessInstance instance = afterSaleOf(deal);

    Task reminded = taskService.createTaskQuery().processInstanceId(instance.getId()).taskName("With reminder")
        .singleResult();
    Task plain = taskService.createTaskQuery().processInstanceId(instance.getId()).taskName("No reminder")
        .singleResult();
    assertThat(reminded.getFollowUpDate()).isEqualTo(Date.from(start.toInstant().plus(Duration.ofDays(2))));
    assertThat(reminded.getDueDate()).isEqualTo(Date.from(start.toInstant().plus(Duration.ofDays(7))));
    assertThat(plain.getFollowUpDate()).isNull();
    assertThat(plain.getDueDate()).isEqualTo(Date.from(start.toInstant().plus(Duration.ofDays(3))));

    // the Tasklist filters: "Pending" = follow-up after now, "My group" = follow-up before now or none
    assertThat(taskService.createTaskQuery().processInstanceId(instance.getId()).followUpAfter(start).list())
        .extracting(Task::getName).containsExactly("With reminder");
    assertThat(taskService.createTaskQuery().processInstanceId(instance.getId())
        .followUpBeforeOrNotExistent(start).list()).extracting(Task::getName).containsExactly("No reminder");
    reminders.sendDue();
    assertThat(notificationsFor("support", deal)).isZero();

    Date later = Date.from(start.toInstant().plus(Duration.ofDays(2)).plusSeconds(60));
    ClockUtil.setCurrentTime(later);
    assertThat(taskService.createTaskQuery().processInstanceId(instance.getId()).followUpAfter(later).count())
        .isZero();
    reminders.sendDue();
    reminders.sendDue();
    assertThat(notificationsFor("support", deal)).isEqualTo(1);
    assertThat(notificationsFor("sales", deal)).isZero();

    var mine = Api.as(rest, "support").get("/api/notifications");
    var reminder = java.util.stream.StreamSupport.stream(mine.json().spliterator(), false)
        .filter(n -> n.path("opportunityId").asLong() == deal).findFirst().orElseThrow();
    assertThat(reminder.path("kind").asText()).isEqualTo("REMINDER");
    assertThat(reminder.path("text").asText()).contains("With reminder");
    assertThat(reminder.has("readAt")).isFalse();
    var read = Api.as(rest, "support").post("/api/notifications/" + reminder.path("id").asLong() + "/read", null);
    assertThat(read.status()).isEqualTo(200);
    assertThat(read.json().path("readAt").isMissingNode()).isFalse();
    assertThat(Api.as(rest, "sales").post("/api/notifications/" + reminder.path("id").asLong() + "/read", null)
        .status()).isEqualTo(404);
  }

  /** The reminders a user got for a deal (the win itself tells its owner too, which is not what is counted here). */
  private long notificationsFor(String user, long deal) {
    return jdbc.queryForObject("select count(*) from notification where kind = 'REMINDER' and user_id = ?"
        + " and opportunity_id = ?", Long.class, user, deal);
  }

  @Test
  void assigningATaskGrantsTheAssigneeAccessToTheDeal() {
    long chosen = createTemplate(rest, template("Assignable", false,
        task("Hand over", "sales", null, "P1D", null)));
    long deal = newDeal(rest, "Access grant");
    win(deal, chosen);
    ProcessInstance instance = afterSaleOf(deal);
    Task task = tasksOf(instance).get(0);

    assertThat(Api.as(rest, "finance").get("/api/opportunities/" + deal + "/access-grants").status())
        .isEqualTo(403);

    identityService.setAuthentication("sales", List.of("sales"));
    taskService.setAssignee(task.getId(), "finance");
    identityService.clearAuthentication();

    var grants = Api.as(rest, "finance").get("/api/opportunities/" + deal + "/access-grants");
    assertThat(grants.status()).as(grants.toString()).isEqualTo(200);
    assertThat(grants.json()).hasSize(1);
    assertThat(grants.json().get(0).path("userId").asText()).isEqualTo("finance");
    assertThat(grants.json().get(0).path("grantedBy").asText()).isEqualTo("sales");
    assertThat(Api.as(rest, "sales").get("/api/opportunities/" + deal + "/access-grants").json()).hasSize(1);
    assertThat(Api.as(rest, "support").get("/api/opportunities/" + deal + "/access-grants").status())
        .isEqualTo(403);
    assertThat(authorizationService.isUserAuthorized("finance", List.of("finance"), Permissions.READ,
        Resources.PROCESS_INSTANCE, instance.getId())).isTrue();
    assertThat(authorizationService.isUserAuthorized("support", List.of("support"), Permissions.READ,
        Resources.PROCESS_INSTANCE, instance.getId())).isFalse();
  }

  @Test
  void mineCountsCandidateAndAssignedTasksPerUser() {
    ensureUser("asann");
    ensureUser("asbob");
    long twoForAnn = createTemplate(rest, template("Ann and Bob", false,
        task("Ann first", null, "asann", "P1D", null),
        task("Ann second", null, "asann", "P2D", null),
        task("Bob only", null, "asbob", "P3D", null)));
    long annAlone = createTemplate(rest, template("Ann alone", false,
        task("Ann alone", null, "asann", "P1D", null)));
    long deal1 = newDeal(rest, "Mine one");
    long deal2 = newDeal(rest, "Mine two");
    long deal3 = newDeal(rest, "Mine three");
    win(deal1, twoForAnn);
    win(deal2, twoForAnn);
    win(deal3, annAlone);

    var ann = Api.as(rest, "asann").get("/api/after-sale?mine=true");
    assertThat(ann.status()).as(ann.toString()).isEqualTo(200);
    assertThat(ann.json().path("count").asInt()).isEqualTo(3);
    assertThat(ann.json().path("taskCount").asInt()).isEqualTo(5);
    var bob = Api.as(rest, "asbob").get("/api/after-sale?mine=true");
    assertThat(bob.json().path("count").asInt()).isEqualTo(2);
    assertThat(bob.json().path("taskCount").asInt()).isEqualTo(2);

    // a task of a process Bob has no candidate task in, assigned to him, counts for him and no more for Ann
    Task annAloneTask = tasksOf(afterSaleOf(deal3)).get(0);
    taskService.setAssignee(annAloneTask.getId(), "asbob");
    bob = Api.as(rest, "asbob").get("/api/after-sale?mine=true");
    assertThat(bob.json().path("count").asInt()).isEqualTo(3);
    assertThat(bob.json().path("taskCount").asInt()).isEqualTo(3);
    assertThat(bob.json().path("processes").findValuesAsText("opportunityTitle"))
        .containsExactly("Mine one", "Mine two", "Mine three");
    ann = Api.as(rest, "asann").get("/api/after-sale?mine=true");
    assertThat(ann.json().path("count").asInt()).isEqualTo(2);
    assertThat(ann.json().path("taskCount").asInt()).isEqualTo(4);

    assertThat(Api.as(rest, "asann").get("/api/after-sale").status()).isEqualTo(403);
  }

  private void ensureUser(String id) {
    if (identityService.createUserQuery().userId(id).count() == 0) {
      User user = identityService.newUser(id);
      user.setPassword(id);
      identityService.saveUser(user);
    }
  }

  @Test
  void editingATemplateDoesNotChangeARunningProcess() {
    long v1 = createTemplate(rest, template("Edited later", false,
        task("Old task", "sales", null, "P1D", null)));
    long deal = newDeal(rest, "Before the edit");
    win(deal, v1);

    var edited = Api.as(rest, "admin").put("/api/after-sale-templates/" + v1, template("Edited later", false,
        task("New task A", "sales", null, "P1D", null), task("New task B", "sales", null, "P1D", null)));
    assertThat(edited.status()).as(edited.toString()).isEqualTo(200);
    long v2 = edited.json().path("id").asLong();
    assertThat(v2).isNotEqualTo(v1);
    assertThat(edited.json().path("version").asInt()).isEqualTo(2);
    assertThat(Api.as(rest, "sales").get("/api/after-sale-templates/" + v1).json().path("active").asBoolean())
        .isFalse();

    assertThat(tasksOf(afterSaleOf(deal))).extracting(Task::getName).containsExactly("Old task");

    // a deal naming the old version gets the current one
    long later = newDeal(rest, "After the edit");
    win(later, v1);
    assertThat(tasksOf(afterSaleOf(later))).extracting(Task::getName).containsExactly("New task A", "New task B");
  }
}
