package com.relais.crm.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.springframework.stereotype.Component;

/**
 * Counts every deployment this node's engine makes (an analyst's from the Modeler, the service's own at start), after
 * the engine's own deployers, so that {@link DecisionTables} knows a new version of a table the CRM asks itself counts
 * from the next question.
 */
@Component
class DeploymentsCounted extends AbstractProcessEnginePlugin {
  private final AtomicLong count = new AtomicLong();

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<Deployer> after = configuration.getCustomPostDeployers() == null ? new ArrayList<>()
        : new ArrayList<>(configuration.getCustomPostDeployers());
    after.add(deployment -> count.incrementAndGet());
    configuration.setCustomPostDeployers(after);
  }

  long count() {
    return count.get();
  }
}
