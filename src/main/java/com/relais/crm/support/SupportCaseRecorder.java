package com.relais.crm.support;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Moves the case record along with its tasks, in the same transaction: each working task on its completion, the
 * escalation as soon as the managers' task is created (the case is escalated while that task waits, not after).
 */
@Component("supportCaseRecorder")
class SupportCaseRecorder implements TaskListener {
  private final SupportCaseService cases;

  SupportCaseRecorder(SupportCaseService cases) {
    this.cases = cases;
  }

  @Override
  public void notify(DelegateTask task) {
    long id = ((Number) task.getVariable(SupportBpmn.SUPPORT_CASE_ID)).longValue();
    var now = cases.clock().instant();
    if (TaskListener.EVENTNAME_CREATE.equals(task.getEventName())) {
      if (SupportBpmn.TASK_ESCALATION.equals(task.getTaskDefinitionKey())) {
        cases.update(id, c -> c.escalated(now));
      }
      return;
    }
    switch (task.getTaskDefinitionKey()) {
      case SupportBpmn.TASK_TRIAGE -> cases.update(id, c -> c.triage(text(task, SupportBpmn.PRIORITY), now));
      case SupportBpmn.TASK_RESOLVE -> cases.update(id, c -> c.proposeResolution(
          text(task, SupportBpmn.RESOLUTION), text(task, SupportBpmn.RESOLUTION_NOTES), now));
      case SupportBpmn.TASK_CONFIRM -> cases.update(id, c -> c.customerAnswered(
          Boolean.TRUE.equals(task.getVariable(SupportBpmn.RESOLVED)), now));
      case SupportBpmn.TASK_ESCALATION -> cases.update(id, c -> c.escalated(now));
      default -> { /* a task an analyst added: nothing to record */ }
    }
  }

  private static String text(DelegateTask task, String name) {
    Object value = task.getVariable(name);
    return value == null ? null : value.toString();
  }
}
