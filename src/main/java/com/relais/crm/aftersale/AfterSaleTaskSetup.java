package com.relais.crm.aftersale;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * Create listener of the after-sale task: turns the template task it was started for into the task's name,
 * candidates, due date and follow-up date (the task is "pending" until its reminder date).
 */
@Component("afterSaleTaskSetup")
class AfterSaleTaskSetup implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    TaskDefinition definition = TaskDefinition.fromVariable((Map<?, ?>) task.getVariable(AfterSaleBpmn.TASK));
    task.setName(definition.name());
    if (definition.description() != null) {
      task.setDescription(definition.description());
    }
    if (definition.candidateGroup() != null) {
      task.addCandidateGroup(definition.candidateGroup());
    }
    if (definition.candidateUser() != null) {
      task.addCandidateUser(definition.candidateUser());
    }
    var now = ClockUtil.getCurrentTime();
    task.setDueDate(Offsets.after(now, definition.dueOffset()));
    if (definition.reminderOffset() != null) {
      task.setFollowUpDate(Offsets.after(now, definition.reminderOffset()));
    }
  }
}
