package com.relais.crm.engine;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * The deployed decision tables that the CRM asks itself, many times a step (the notification rules at every event,
 * the contact selection for every customer of a morning, the stage probabilities of a report), evaluated without
 * decision history: the result of such a question is recorded where it is used (a notification, a plan's pick, a
 * report), and a history row per question would cost more than the step. The process engine's own DMN engine
 * cannot do this: it carries the engine's history listener, so even an evaluation straight through it writes a
 * decision instance and its inputs. The tables that decide a deal's path stay business rule tasks, with history.
 *
 * <p>The latest deployed version of a table is looked up at each call (an analyst's deployment counts from the next
 * question), read from the deployment's own bytes without an authorization check (the tables are the company's,
 * not the caller's) and parsed once per version; its FEEL expressions are parsed once too ({@link ParsedOnceFeelEngine}).
 */
@Component
public class DecisionTables {
  private final ProcessEngineConfigurationImpl configuration;
  private final DmnEngine dmn = ((DefaultDmnEngineConfiguration) DmnEngineConfiguration
      .createDefaultDmnEngineConfiguration())
      .feelEngineFactory(ParsedOnceFeelEngine.factory(List.of()))
      .buildEngine();
  /** Parsed tables by decision definition id: a deployed definition never changes. */
  private final Map<String, DmnDecision> parsed = new ConcurrentHashMap<>();

  DecisionTables(ProcessEngine engine) {
    this.configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
  }

  /**
   * The latest deployed version of the table with this key; callable inside an engine command (a delegate, a
   * listener) or outside one.
   *
   * @throws ProcessEngineException when no table with this key is deployed
   */
  public DmnDecision latest(String key) {
    return configuration.getCommandExecutorTxRequired().execute(commandContext -> {
      DecisionDefinition definition = configuration.getDeploymentCache()
          .findDeployedLatestDecisionDefinitionByKey(key);
      return parsed.computeIfAbsent(definition.getId(), id -> {
        var resource = commandContext.getResourceManager()
            .findResourceByDeploymentIdAndResourceName(definition.getDeploymentId(), definition.getResourceName());
        return dmn.parseDecision(key, new ByteArrayInputStream(resource.getBytes()));
      });
    });
  }

  /** One question to a table, no history written. */
  public DmnDecisionTableResult evaluate(DmnDecision table, Map<String, Object> facts) {
    return dmn.evaluateDecisionTable(table, Variables.fromMap(facts));
  }
}
