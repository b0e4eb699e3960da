package com.relais.crm.deal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
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

  /**
   * Stage by process definition id and element id. A deployed definition never changes (a new deployment gets a new
   * id), so the answer can be kept; walking the element's XML on every stage change was a measurable share of a deal
   * (docs/performance.md).
   */
  private static final Map<String, String> STAGES = new ConcurrentHashMap<>();

  private StageProperty() {}

  public static String of(DelegateExecution execution) {
    String key = execution.getProcessDefinitionId() + "/" + execution.getCurrentActivityId();
    String stage = STAGES.get(key);
    if (stage == null) {
      // read outside the map: the first read may load the diagram, and computeIfAbsent would hold up other keys
      stage = read(execution);
      STAGES.put(key, stage);
    }
    return stage;
  }

  private static String read(DelegateExecution execution) {
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
}
