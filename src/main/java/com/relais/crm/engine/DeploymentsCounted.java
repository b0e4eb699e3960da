package com.relais.crm.engine;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.springframework.stereotype.Component;

/**
 * Tells {@link DecisionTables} of every deployment this node's engine makes (an analyst's from the Modeler, the
 * service's own at start), after the engine's own deployers, so that a new version of a table the CRM asks itself
 * counts from the next question.
 */
@Component
class DeploymentsCounted extends AbstractProcessEnginePlugin {
  private final DecisionTables.DeploymentsSeen seen;

  DeploymentsCounted(DecisionTables.DeploymentsSeen seen) {
    this.seen = seen;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<Deployer> after = configuration.getCustomPostDeployers() == null ? new ArrayList<>()
        : new ArrayList<>(configuration.getCustomPostDeployers());
    Deployer counter = deployment -> seen.seen();
    after.add(counter);
    configuration.setCustomPostDeployers(after);
  }
}
