package com.relais.crm.engine;

import java.util.List;
import org.camunda.bpm.engine.BpmnParseException;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;

/**
 * Refuses a diagram that carries a script anywhere: a script task, a {@code camunda:script} (listener, input/output
 * mapping), or a condition or expression with a {@code language} (a script condition). A script runs arbitrary code
 * inside the service with every right the service has; our diagrams use delegates and expressions only, so
 * scripts are refused from everyone, admins included. The engine reports it as a parse error: 400 on /engine-rest.
 */
class NoScriptsParseListener extends AbstractBpmnParseListener {
  @Override
  public void parseRootElement(Element rootElement, List<ProcessDefinitionEntity> processDefinitions) {
    refuseScripts(rootElement);
  }

  private static void refuseScripts(Element element) {
    String tag = element.getTagName();
    if ("scriptTask".equals(tag) || "script".equals(tag)) {
      throw new BpmnParseException("Scripts are not allowed in diagrams deployed to Relais CRM (element '" + tag
          + "' on line " + element.getLine() + "); use a service task with a delegate", element);
    }
    if (element.attribute("language") != null || element.attribute("scriptFormat") != null) {
      throw new BpmnParseException("Script expressions are not allowed in diagrams deployed to Relais CRM (element '"
          + tag + "' on line " + element.getLine() + ")", element);
    }
    for (Element child : element.elements()) {
      refuseScripts(child);
    }
  }
}
