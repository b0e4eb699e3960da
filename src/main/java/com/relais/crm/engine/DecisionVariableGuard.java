package com.relais.crm.engine;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;

/**
 * The decision variables of the deal processes (docs/api.md) hold only their documented values when a user task is completed, whoever
 * completes it (Tasklist, /engine-rest): {@code saleOutcome=MAYBE} would silently count as "go on", and
 * {@code confirmed="abc"} would be read as false by the gateway. Refused as bad input (400 on /engine-rest); the task
 * stays open and nothing of the completion is kept.
 */
class DecisionVariableGuard implements TaskListener {
  private static final BigDecimal MAX_AMOUNT = new BigDecimal("999999999999.99");

  private final Map<String, Set<String>> choices = new TreeMap<>();
  private final Set<String> flags = new TreeSet<>();
  private final Set<String> amounts = new TreeSet<>();

  DecisionVariableGuard(List<DecisionVariables> declared) {
    for (DecisionVariables process : declared) {
      process.choices().forEach((name, values) -> choices.computeIfAbsent(name, n -> new TreeSet<>()).addAll(values));
      flags.addAll(process.flags());
      amounts.addAll(process.amounts());
    }
  }

  @Override
  public void notify(DelegateTask task) {
    choices.forEach((name, allowed) -> {
      Object value = task.getVariable(name);
      if (value != null && !(value instanceof String text && allowed.contains(text))) {
        throw refused(name, "must be one of " + allowed + ", not '" + value + "'");
      }
    });
    for (String name : flags) {
      Object value = task.getVariable(name);
      if (value != null && !(value instanceof Boolean)) {
        throw refused(name, "must be true or false, not '" + value + "'");
      }
    }
    for (String name : amounts) {
      Object value = task.getVariable(name);
      if (value != null && !isAmount(value)) {
        throw refused(name, "must be a number between 0 and " + MAX_AMOUNT.toPlainString() + ", not '" + value + "'");
      }
    }
  }

  private static boolean isAmount(Object value) {
    if (!(value instanceof Number number)) {
      return false;
    }
    try {
      BigDecimal amount = new BigDecimal(number.toString());
      return amount.signum() >= 0 && amount.compareTo(MAX_AMOUNT) <= 0;
    } catch (NumberFormatException nanOrInfinite) {
      return false;
    }
  }

  private static BadUserRequestException refused(String variable, String why) {
    return new BadUserRequestException("Variable '" + variable + "' " + why);
  }

  /** Puts the guard first on the completion of every user task of every diagram. */
  static class Installer extends AbstractBpmnParseListener {
    private final DecisionVariableGuard guard;

    Installer(DecisionVariableGuard guard) {
      this.guard = guard;
    }

    @Override
    public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
      if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior userTask) {
        userTask.getTaskDefinition().addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, guard);
      }
    }
  }
}
