package com.relais.crm.engine;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;

/**
 * Reads the CRM stage an element enters from its extension property {@code stage}, which an analyst sets in the
 * Modeler's properties panel; the stage listeners do the rest.
 */
public final class StageProperty {
  public static final String NAME = "stage";

  private StageProperty() {}

  public static String of(DelegateExecution execution) {
    FlowElement element = execution.getBpmnModelElementInstance();
    if (element == null || element.getExtensionElements() == null) {
      throw new IllegalStateException("A stage listener sits on an element without extension elements");
    }
    return element.getExtensionElements().getElementsQuery().filterByType(CamundaProperties.class).list().stream()
        .flatMap(properties -> properties.getCamundaProperties().stream())
        .filter(property -> NAME.equals(property.getCamundaName()))
        .map(CamundaProperty::getCamundaValue)
        .findFirst()
        .orElseThrow(() -> new IllegalStateException(
            "Element " + element.getId() + " has a stage listener but no 'stage' extension property"));
  }

  public static long opportunityId(DelegateExecution execution) {
    return Long.parseLong(execution.getProcessBusinessKey());
  }
}
