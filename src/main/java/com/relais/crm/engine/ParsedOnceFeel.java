package com.relais.crm.engine;

import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * The process engine's decision tables (the business rule tasks of the deals) evaluate their FEEL through
 * {@link ParsedOnceFeelEngine}, as the CRM's own questions to tables do ({@link DecisionTables}). The engine keeps a
 * DMN engine configuration given before it starts and only adds its history and metrics listeners, so the
 * configuration is given here, before the engine builds its own.
 */
@Component
class ParsedOnceFeel extends AbstractProcessEnginePlugin {
  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    DefaultDmnEngineConfiguration dmn = configuration.getDmnEngineConfiguration() != null
        ? configuration.getDmnEngineConfiguration()
        : (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
    if (dmn.getFeelEngineFactory() == null && !configuration.isDmnFeelEnableLegacyBehavior()) {
      dmn.setFeelEngineFactory(ParsedOnceFeelEngine.factory(configuration.getDmnFeelCustomFunctionProviders()));
    }
    configuration.setDmnEngineConfiguration(dmn);
  }
}
