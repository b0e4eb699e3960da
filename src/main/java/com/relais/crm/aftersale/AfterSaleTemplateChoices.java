package com.relais.crm.aftersale;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.Variables.SerializationDataFormats;
import org.springframework.stereotype.Component;

/**
 * Create listener of the sale's closing task: the active after-sale templates, as the choices of the form's
 * "After-sale template" list ({label, value} pairs in a JSON task variable, which Camunda Forms reads with
 * {@code valuesKey}), so a salesperson picks one by name instead of typing an id.
 */
@Component("afterSaleTemplateChoices")
class AfterSaleTemplateChoices implements TaskListener {
  static final String VARIABLE = "afterSaleTemplateOptions";

  private final AfterSaleTemplates templates;

  AfterSaleTemplateChoices(AfterSaleTemplates templates) {
    this.templates = templates;
  }

  @Override
  public void notify(DelegateTask task) {
    List<Map<String, Object>> choices = templates.active().stream()
        .map(t -> Map.<String, Object>of("label", t.name() + (t.defaultTemplate() ? " (default)" : ""),
            "value", t.id()))
        .toList();
    task.setVariableLocal(VARIABLE, Variables.objectValue(choices)
        .serializationDataFormat(SerializationDataFormats.JSON).create());
  }
}
