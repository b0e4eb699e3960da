package com.relais.crm.notification;

import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Deciding who is told reads users, groups, task history and the rules table for people other than the one whose
 * step raised the event; under the engine's authorizations those reads would answer what the actor may see (a sales
 * user may not list the managers). They run as the system: inside the current engine command and transaction when
 * there is one, without authorization checks.
 */
@Component
class EngineAsSystem {
  private final ProcessEngineConfigurationImpl engine;

  EngineAsSystem(ProcessEngineConfiguration engine) {
    this.engine = (ProcessEngineConfigurationImpl) engine;
  }

  void run(Runnable work) {
    engine.getCommandExecutorTxRequired().execute(context -> context.runWithoutAuthorization(() -> {
      work.run();
      return null;
    }));
  }

}
