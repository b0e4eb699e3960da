package com.relais.crm.diagrams;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.test.mock.Mocks;

/**
 * Stand-ins for the CRM beans a diagram calls by name: they record what the diagram asked for (the stage each
 * listener was told, each delegate called) and set the variables the real ones would, and nothing else.
 */
final class DiagramMocks {
  final List<String> stages = new ArrayList<>();
  final List<String> calls = new ArrayList<>();

  /** A stage listener: records the stage of the element it sits on. */
  DiagramMocks stageListener(String name) {
    Mocks.register(name, (ExecutionListener) execution -> stages.add(
        com.relais.crm.deal.StageProperty.of(execution)));
    return this;
  }

  DiagramMocks delegate(String name) {
    Mocks.register(name, (JavaDelegate) execution -> calls.add(name));
    return this;
  }

  DiagramMocks delegateSetting(String name, String variable, Object value) {
    Mocks.register(name, (JavaDelegate) execution -> {
      calls.add(name);
      execution.setVariable(variable, value);
    });
    return this;
  }

  /** A delegate that sets several variables at once, as the real one would. */
  DiagramMocks delegateSetting(String name, Map<String, ?> variables) {
    Mocks.register(name, (JavaDelegate) execution -> {
      calls.add(name);
      execution.setVariables(variables);
    });
    return this;
  }

  DiagramMocks taskListener(String name) {
    Mocks.register(name, (TaskListener) task -> calls.add(name + ":" + task.getTaskDefinitionKey()));
    return this;
  }

  static void reset() {
    Mocks.reset();
  }
}
