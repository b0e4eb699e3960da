package com.relais.crm.web;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * The open tasks of deals, from the engine (every process of a deal has the deal's id as business key: the sale,
 * its delivery, a support case, after-sale). Shown on the customer's and the deal's page, each opening in Tasklist.
 * The pages only list them; whether the person may work a task is Tasklist's decision, as always.
 */
@Component
class OpenTasks {
  private static final int MAX = 50;

  private final TaskService tasks;
  private final RepositoryService repository;

  OpenTasks(TaskService tasks, RepositoryService repository) {
    this.tasks = tasks;
    this.repository = repository;
  }

  record OpenTask(String id, String name, String process, String assignee, Instant created, Instant due) {}

  List<OpenTask> ofDeals(Collection<Long> dealIds) {
    if (dealIds.isEmpty()) {
      return List.of();
    }
    String[] keys = dealIds.stream().map(String::valueOf).toArray(String[]::new);
    List<Task> found = tasks.createTaskQuery().processInstanceBusinessKeyIn(keys).active()
        .orderByTaskCreateTime().desc().listPage(0, MAX);
    return found.stream().map(this::view).toList();
  }

  private OpenTask view(Task task) {
    var definition = repository.getProcessDefinition(task.getProcessDefinitionId());
    String process = definition.getName() != null ? definition.getName() : definition.getKey();
    return new OpenTask(task.getId(), task.getName(), process, task.getAssignee(),
        task.getCreateTime().toInstant(), task.getDueDate() == null ? null : task.getDueDate().toInstant());
  }
}
