package com.relais.crm.engine;

import java.io.ByteArrayInputStream;
import java.time.Duration;
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
 * <p>Which version is the latest is asked of the database at most every {@link #LATEST_KEPT_FOR} per table (it was
 * a query at every event of every deal): a deployment on this node counts from the next question (the engine tells
 * {@link DeploymentsCounted}), one made on another node within those seconds. A version is read from the deployment's
 * own bytes without an authorization check (the tables are the company's, not the caller's) and parsed once; its
 * FEEL expressions are parsed once too ({@link ParsedOnceFeelEngine}).
 */
@Component
public class DecisionTables {
  /** How long the latest version found stays the answer, unless this node deploys something meanwhile. */
  static final Duration LATEST_KEPT_FOR = Duration.ofSeconds(5);

  private final ProcessEngineConfigurationImpl configuration;
  private final DeploymentsCounted deployments;
  private final DmnEngine dmn = ((DefaultDmnEngineConfiguration) DmnEngineConfiguration
      .createDefaultDmnEngineConfiguration())
      .feelEngineFactory(ParsedOnceFeelEngine.factory(List.of()))
      .buildEngine();
  /** Parsed tables by decision definition id: a deployed definition never changes. */
  private final Map<String, DmnDecision> parsed = new ConcurrentHashMap<>();
  private final Map<String, Latest> latestByKey = new ConcurrentHashMap<>();

  /** The latest version found for a key, when it was asked, and how many deployments this node had seen then. */
  private record Latest(DmnDecision table, long askedAtNanos, long deploymentsSeen) {}

  DecisionTables(ProcessEngine engine, DeploymentsCounted deployments) {
    this.configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    this.deployments = deployments;
  }

  /**
   * The latest deployed version of the table with this key; callable inside an engine command (a delegate, a
   * listener) or outside one.
   *
   * @throws ProcessEngineException when no table with this key is deployed
   */
  public DmnDecision latest(String key) {
    long seen = deployments.count();
    Latest known = latestByKey.get(key);
    if (known != null && known.deploymentsSeen() == seen
        && System.nanoTime() - known.askedAtNanos() < LATEST_KEPT_FOR.toNanos()) {
      return known.table();
    }
    long askedAt = System.nanoTime();
    DmnDecision table = configuration.getCommandExecutorTxRequired().execute(commandContext -> {
      DecisionDefinition definition = configuration.getDeploymentCache()
          .findDeployedLatestDecisionDefinitionByKey(key);
      return parsed.computeIfAbsent(definition.getId(), id -> {
        var resource = commandContext.getResourceManager()
            .findResourceByDeploymentIdAndResourceName(definition.getDeploymentId(), definition.getResourceName());
        return dmn.parseDecision(key, new ByteArrayInputStream(resource.getBytes()));
      });
    });
    latestByKey.put(key, new Latest(table, askedAt, seen));
    return table;
  }

  /** One question to a table, no history written. */
  public DmnDecisionTableResult evaluate(DmnDecision table, Map<String, Object> facts) {
    return dmn.evaluateDecisionTable(table, Variables.fromMap(facts));
  }

}
