package com.relais.crm.notification;

import com.relais.crm.deal.DealKey;
import com.relais.crm.platform.RunOnce;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Announces each deal task that passes its due date, once: every node scans (the engine's clock, so tests can move
 * it), and the task's row in task_overdue_notice, written with the notification in one transaction, lets one node
 * tell its assignee (or, unclaimed, its deal's owner).
 *
 * <p>On several nodes: the lease {@value #LEASE} ({@link RunOnce}) lets one node scan per interval, so the task
 * query (up to 500 tasks) is not run by every node; the notice row still keeps each announcement single if two
 * nodes do scan at once (a lease that ran out, {@link #scan} called directly).
 */
@Component
class OverdueTasks {
  static final String LEASE = "overdue-tasks";

  private final TaskService taskService;
  private final JdbcClient jdbc;
  private final TransactionTemplate transaction;
  private final ApplicationEventPublisher events;
  private final Clock clock;
  private final RunOnce runOnce;
  private final Duration every;

  OverdueTasks(TaskService taskService, JdbcClient jdbc, TransactionTemplate transaction,
      ApplicationEventPublisher events, Clock clock, RunOnce runOnce,
      @Value("${relais.notifications.overdue-scan:PT5M}") Duration every) {
    this.taskService = taskService;
    this.jdbc = jdbc;
    this.transaction = transaction;
    this.events = events;
    this.clock = clock;
    this.runOnce = runOnce;
    this.every = every;
  }

  /** A deal's task is past its due date. */
  record TaskOverdue(String taskId, String taskName, String assignee, Long opportunityId) {}

  @Scheduled(fixedDelayString = "${relais.notifications.overdue-scan:PT5M}", initialDelayString = "PT1M")
  void onSchedule() {
    // held for most of an interval, so the nodes' timers (started at different times) do not each scan
    Duration atMost = every.multipliedBy(2).compareTo(Duration.ofMinutes(10)) > 0 ? every.multipliedBy(2)
        : Duration.ofMinutes(10);
    runOnce.run(LEASE, atMost, every.multipliedBy(4).dividedBy(5), this::scan);
  }

  void scan() {
    for (Task task : taskService.createTaskQuery().dueBefore(ClockUtil.getCurrentTime()).active()
        .orderByDueDate().asc().listPage(0, 500)) {
      transaction.executeWithoutResult(status -> announce(task));
    }
  }

  private void announce(Task task) {
    try {
      jdbc.sql("insert into task_overdue_notice (task_id, noticed_at) values (?, ?)")
          .params(task.getId(), OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC)).update();
    } catch (DuplicateKeyException alreadyTold) {
      return;
    }
    var instance = task.getProcessInstanceId() == null ? null
        : jdbc.sql("select business_key_ from act_ru_execution where id_ = ?").param(task.getProcessInstanceId())
            .query(String.class).optional().orElse(null);
    Long deal = instance != null && instance.matches("\\d{1,18}") ? DealKey.parse(instance) : null;
    events.publishEvent(new TaskOverdue(task.getId(), task.getName(), task.getAssignee(), deal));
  }
}
