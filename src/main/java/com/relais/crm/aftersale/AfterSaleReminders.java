package com.relais.crm.aftersale;

import com.relais.crm.deal.DealVariables;
import com.relais.crm.notification.Notifications;
import com.relais.crm.platform.RunOnce;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashSet;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * When a pending after-sale task reaches its follow-up (reminder) date, its assignee — or, while nobody has taken
 * it, every candidate — gets an in-app notification, once. Time is the engine's clock, so tests can move it.
 *
 * <p>On several nodes: the lease {@value #LEASE} ({@link RunOnce}) lets one node look per interval (the task query
 * and the reminders' reads are then not repeated on every node), and each task's row in reminder_sent, written in the
 * transaction of its notifications, keeps a reminder single even when two nodes do look at once.
 */
@Component
@EnableScheduling
class AfterSaleReminders {
  static final String LEASE = "after-sale-reminders";
  private static final Logger log = LoggerFactory.getLogger(AfterSaleReminders.class);

  private final TaskService taskService;
  private final IdentityService identityService;
  private final Notifications notifications;
  private final JdbcClient jdbc;
  private final TransactionTemplate transaction;
  private final AfterSaleProperties properties;
  private final RunOnce runOnce;

  AfterSaleReminders(TaskService taskService, IdentityService identityService, Notifications notifications,
      JdbcClient jdbc, TransactionTemplate transaction, AfterSaleProperties properties, RunOnce runOnce) {
    this.taskService = taskService;
    this.identityService = identityService;
    this.notifications = notifications;
    this.jdbc = jdbc;
    this.transaction = transaction;
    this.properties = properties;
    this.runOnce = runOnce;
  }

  @Scheduled(fixedDelayString = "${relais.after-sale.reminder-interval:PT1M}",
      initialDelayString = "${relais.after-sale.reminder-interval:PT1M}")
  void onSchedule() {
    if (properties.remindersEnabled()) {
      Duration every = properties.reminderInterval();
      // held for most of an interval, so the nodes' timers (started at different times) do not each run it
      Duration atLeast = every.multipliedBy(4).dividedBy(5);
      Duration atMost = every.multipliedBy(2).compareTo(Duration.ofMinutes(10)) > 0 ? every.multipliedBy(2)
          : Duration.ofMinutes(10);
      runOnce.run(LEASE, atMost, atLeast, this::sendDue);
    }
  }

  /** @return how many tasks were reminded in this run */
  int sendDue() {
    int sent = 0;
    for (Task task : taskService.createTaskQuery().processDefinitionKey(AfterSaleBpmn.PROCESS_KEY).active()
        .followUpBefore(ClockUtil.getCurrentTime()).list()) {
      try {
        if (Boolean.TRUE.equals(transaction.execute(s -> remind(task)))) {
          sent++;
        }
      } catch (DuplicateKeyException anotherNodeWasFaster) {
        log.debug("Reminder of task {} already sent", task.getId());
      }
    }
    return sent;
  }

  private boolean remind(Task task) {
    long already = jdbc.sql("select count(*) from reminder_sent where task_id = ?").param(task.getId())
        .query(Long.class).single();
    if (already > 0) {
      return false;
    }
    jdbc.sql("insert into reminder_sent (task_id, sent_at) values (?, ?)")
        .params(task.getId(), OffsetDateTime.ofInstant(ClockUtil.getCurrentTime().toInstant(), ZoneOffset.UTC))
        .update();
    Object opportunity = taskService.getVariable(task.getId(), DealVariables.OPPORTUNITY_ID);
    Long opportunityId = opportunity == null ? null : ((Number) opportunity).longValue();
    Object customer = taskService.getVariable(task.getId(), DealVariables.CUSTOMER_NAME);
    String text = "Reminder: '" + task.getName() + "'" + (customer == null ? "" : " for " + customer)
        + (task.getDueDate() == null ? "" : ", due " + task.getDueDate().toInstant());
    for (String user : recipients(task)) {
      notifications.notify(user, Notifications.KIND_REMINDER, text, opportunityId);
    }
    return true;
  }

  private Set<String> recipients(Task task) {
    Set<String> users = new LinkedHashSet<>();
    if (task.getAssignee() != null) {
      users.add(task.getAssignee());
      return users;
    }
    for (IdentityLink link : taskService.getIdentityLinksForTask(task.getId())) {
      if (!IdentityLinkType.CANDIDATE.equals(link.getType())) {
        continue;
      }
      if (link.getUserId() != null) {
        users.add(link.getUserId());
      }
      if (link.getGroupId() != null) {
        identityService.createUserQuery().memberOfGroup(link.getGroupId()).list().stream()
            .map(User::getId).forEach(users::add);
      }
    }
    return users;
  }
}
