package com.relais.crm.demo;

import com.relais.crm.deal.DealKey;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * A deal's work in Tasklist: waits for the task a step leads to (the job executor runs the asynchronous steps in
 * between, on threads of its own), then completes it as the demo user of its candidate group with the variables its
 * form sends. A task that does not come within a minute is logged and the deal stays where it is: the seed never
 * stops the application.
 */
@Component
@DemoSeedEnabled
class TaskWork {
  private static final Logger log = LoggerFactory.getLogger(TaskWork.class);
  private static final Duration PATIENCE = Duration.ofSeconds(60);
  /** Once a wait has failed the job executor is likely off (JOB_EXECUTOR_ENABLED=false): no more minutes lost. */
  private static final Duration PATIENCE_ONCE_STALLED = Duration.ofSeconds(5);
  private static final long POLL_MILLIS = 200;

  private final TaskService taskService;
  private final RuntimeService runtimeService;
  private final ActingAs actingAs;
  private Duration patience = PATIENCE;

  TaskWork(TaskService taskService, RuntimeService runtimeService, ActingAs actingAs) {
    this.taskService = taskService;
    this.runtimeService = runtimeService;
    this.actingAs = actingAs;
  }

  /** @return false when the task did not come in time (logged) */
  boolean complete(long dealId, String taskKey, String salesperson, Map<String, Object> variables) {
    return complete(dealId, taskKey, null, salesperson, variables);
  }

  /**
   * Completes the deal's open task of this key, offered to {@code candidateGroup} when several are open at once (the
   * after-sale's tasks share one key). A sales task is worked by the deal's {@code salesperson}.
   *
   * @return false when the task did not come in time (logged)
   */
  boolean complete(long dealId, String taskKey, String candidateGroup, String salesperson,
      Map<String, Object> variables) {
    Optional<Task> task = awaitTask(dealId, taskKey, candidateGroup);
    if (task.isEmpty()) {
      return false;
    }
    String taskId = task.get().getId();
    actingAs.tasklist(workerOf(taskId, salesperson), () -> {
      taskService.complete(taskId, variables);
      return null;
    });
    return true;
  }

  Optional<Task> awaitTask(long dealId, String taskKey, String candidateGroup) {
    return await("task " + taskKey + " of deal " + dealId, () -> {
      TaskQuery query = taskService.createTaskQuery().processInstanceBusinessKey(DealKey.of(dealId))
          .taskDefinitionKey(taskKey);
      if (candidateGroup != null) {
        query.taskCandidateGroup(candidateGroup);
      }
      return query.list().stream().findFirst();
    });
  }

  /** Waits until one of the deal's processes waits for this message (a receive task an asynchronous step enters). */
  boolean awaitMessageWait(long dealId, String messageName) {
    Supplier<Optional<Boolean>> waiting = () -> Optional.of(runtimeService.createExecutionQuery()
        .processInstanceBusinessKey(DealKey.of(dealId)).messageEventSubscriptionName(messageName).count() > 0)
        .filter(Boolean::booleanValue);
    return await("a wait for " + messageName + " in deal " + dealId, waiting).isPresent();
  }

  /** Who works the task: the demo user of its candidate group, as that group's filter shows it in Tasklist. */
  private String workerOf(String taskId, String salesperson) {
    return taskService.getIdentityLinksForTask(taskId).stream()
        .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
        .map(link -> DemoStaff.workerOf(link.getGroupId(), salesperson))
        .filter(Objects::nonNull)
        .findFirst()
        .orElse(salesperson);
  }

  private <T> Optional<T> await(String what, Supplier<Optional<T>> probe) {
    long deadline = System.nanoTime() + patience.toNanos();
    Optional<T> found = probe.get();
    while (found.isEmpty() && System.nanoTime() < deadline) {
      try {
        Thread.sleep(POLL_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return Optional.empty();
      }
      found = probe.get();
    }
    if (found.isEmpty()) {
      log.warn("Demo data: {} did not come within {}; is the job executor running?", what, patience);
      patience = PATIENCE_ONCE_STALLED;
    }
    return found;
  }
}
