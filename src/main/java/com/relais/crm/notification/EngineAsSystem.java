package com.relais.crm.notification;

import java.util.function.Supplier;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Deciding who is told reads users, groups, task history and the rules table for people other than the one whose
 * step raised the event; under the engine's authorizations those reads would answer what the actor may see (a sales
 * user may not list the managers). They run as the system: inside the current engine command and transaction when
 * there is one, without authorization checks. The rules table runs in a transaction of its own, so a broken table
 * cannot fail the step that raised the event.
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

  <T> T readApart(Supplier<T> read) {
    return engine.getCommandExecutorTxRequiresNew().execute(context -> context.runWithoutAuthorization(read::get));
  }
}
