package com.relais.crm.aftersale;

import com.relais.crm.deal.DealVariables;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;

/** The after-sale processes with active tasks for one user: candidate through a group or by name, or assignee. */
@Service
class AfterSaleOverview {
  private final TaskService taskService;

  AfterSaleOverview(TaskService taskService) {
    this.taskService = taskService;
  }

  record TaskLine(String id, String name, String assignee, Date due, Date followUp) {}

  record ProcessLine(String processInstanceId, long opportunityId, String customerName, String opportunityTitle,
      int taskCount, List<TaskLine> tasks) {}

  /** {@code count}: processes listed; {@code taskCount}: their tasks for the user. */
  record Overview(int count, int taskCount, List<ProcessLine> processes) {}

  Overview forUser(String userId, Set<String> groups) {
    Map<String, Task> tasks = new LinkedHashMap<>();
    add(tasks, taskService.createTaskQuery().processDefinitionKey(AfterSaleBpmn.PROCESS_KEY).active()
        .taskAssignee(userId).list());
    add(tasks, taskService.createTaskQuery().processDefinitionKey(AfterSaleBpmn.PROCESS_KEY).active()
        .taskCandidateUser(userId).list());
    if (!groups.isEmpty()) {
      add(tasks, taskService.createTaskQuery().processDefinitionKey(AfterSaleBpmn.PROCESS_KEY).active()
          .taskCandidateGroupIn(List.copyOf(groups)).list());
    }
    return group(tasks.values());
  }

  Overview all() {
    Map<String, Task> tasks = new LinkedHashMap<>();
    add(tasks, taskService.createTaskQuery().processDefinitionKey(AfterSaleBpmn.PROCESS_KEY).active().list());
    return group(tasks.values());
  }

  private static void add(Map<String, Task> into, List<Task> found) {
    found.forEach(t -> into.putIfAbsent(t.getId(), t));
  }

  private Overview group(Iterable<Task> tasks) {
    Map<String, List<Task>> byProcess = new LinkedHashMap<>();
    for (Task task : tasks) {
      byProcess.computeIfAbsent(task.getProcessInstanceId(), k -> new ArrayList<>()).add(task);
    }
    List<ProcessLine> lines = new ArrayList<>();
    int taskCount = 0;
    for (var entry : byProcess.entrySet()) {
      List<Task> own = entry.getValue();
      own.sort(Comparator.comparing(Task::getCreateTime).thenComparing(Task::getId));
      Map<String, Object> deal = taskService.getVariables(own.get(0).getId(),
          List.of(DealVariables.OPPORTUNITY_ID, DealVariables.CUSTOMER_NAME, DealVariables.OPPORTUNITY_TITLE));
      lines.add(new ProcessLine(entry.getKey(), ((Number) deal.get(DealVariables.OPPORTUNITY_ID)).longValue(),
          (String) deal.get(DealVariables.CUSTOMER_NAME), (String) deal.get(DealVariables.OPPORTUNITY_TITLE),
          own.size(), own.stream().map(t -> new TaskLine(t.getId(), t.getName(), t.getAssignee(), t.getDueDate(),
              t.getFollowUpDate())).toList()));
      taskCount += own.size();
    }
    lines.sort(Comparator.comparing(ProcessLine::opportunityId));
    return new Overview(lines.size(), taskCount, lines);
  }
}
