package com.relais.crm.deal;

import com.relais.crm.engine.VariablesWithoutHistory;
import java.util.ArrayList;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;

/**
 * Every task of a deal says whose deal it is, to whoever may see the task. Tasklist's cards show the filter's
 * variables, but reading a process's variables needs read access to the whole process instance, which only
 * managers have: sales and logistics saw identical "Qualify the prospect" cards. So each user task gets one variable
 * of its own when it is created, {@value DealVariables#DEAL_CARD} ("Fromagerie Leroux · Cheese cellar · 12500.00
 * EUR"), which anyone who may see the task may read. One variable, not four: every task variable is a runtime row
 * and history rows, at every task of every deal. A copy of a moment; the deal's record stays the truth.
 */
@Component
class DisplayVariablesOnTasks extends AbstractProcessEnginePlugin implements VariablesWithoutHistory {
  private static final TaskListener COPY = DisplayVariablesOnTasks::copy;

  /** A copy of a moment for Tasklist: no history row per task of every deal (engine/RelaisHistoryLevel). */
  @Override
  public Set<String> variableNames() {
    return Set.of(DealVariables.DEAL_CARD);
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPostBPMNParseListeners() == null) {
      configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
    }
    configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
      @Override
      public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
        if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior userTask) {
          userTask.getTaskDefinition().addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, COPY);
        }
      }
    });
  }

  private static void copy(DelegateTask task) {
    Object customer = task.getExecution().getVariable(DealVariables.CUSTOMER_NAME);
    if (customer == null) {
      return;
    }
    Object title = task.getExecution().getVariable(DealVariables.OPPORTUNITY_TITLE);
    Object amount = task.getExecution().getVariable(DealVariables.DEAL_AMOUNT);
    Object currency = task.getExecution().getVariable(DealVariables.CURRENCY);
    StringBuilder card = new StringBuilder(customer.toString());
    if (title != null) {
      card.append(" · ").append(title);
    }
    if (amount instanceof Number number) {
      card.append(" · ").append(new java.math.BigDecimal(number.toString()).setScale(2, java.math.RoundingMode.HALF_UP)
          .toPlainString()).append(currency == null ? "" : " " + currency);
    }
    task.setVariableLocal(DealVariables.DEAL_CARD, card.toString());
  }
}
