package com.relais.crm.notification;

import com.relais.crm.deal.DealKey;
import java.util.ArrayList;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Every assignment of a user task (Tasklist, /engine-rest, a diagram's assignee) is announced as {@link
 * TaskAssigned}, in the assignment's transaction, so the assignee can be told. The notification tasks themselves are
 * left out: being told of being told would never end.
 */
@Component
class TaskAssignments extends AbstractProcessEnginePlugin {
  private final ApplicationEventPublisher events;

  TaskAssignments(ApplicationEventPublisher events) {
    this.events = events;
  }

  /** A task was given to {@code assignee} by {@code assignedBy}. */
  record TaskAssigned(String taskId, String taskName, String assignee, String assignedBy, Long opportunityId) {}

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPostBPMNParseListeners() == null) {
      configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
    }
    TaskListener announce = this::announce;
    configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
      @Override
      public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
        if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior userTask) {
          userTask.getTaskDefinition().addBuiltInTaskListener(TaskListener.EVENTNAME_ASSIGNMENT, announce);
        }
      }
    });
  }

  private void announce(DelegateTask task) {
    if (task.getAssignee() == null || task.getProcessDefinitionId() == null
        || task.getProcessDefinitionId().startsWith(NotificationBpmn.PROCESS_KEY + ":")) {
      return;
    }
    var authentication = Context.getCommandContext() == null ? null
        : Context.getCommandContext().getAuthentication();
    String assignedBy = authentication == null ? "system" : authentication.getUserId();
    String businessKey = task.getExecution() == null ? null : task.getExecution().getProcessBusinessKey();
    Long deal = businessKey != null && businessKey.matches("\\d{1,18}") ? DealKey.parse(businessKey) : null;
    events.publishEvent(new TaskAssigned(task.getId(), task.getName(), task.getAssignee(), assignedBy, deal));
  }
}
