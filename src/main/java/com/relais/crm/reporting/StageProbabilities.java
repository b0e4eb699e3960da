package com.relais.crm.reporting;

import java.io.InputStream;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * Each stage's probability of being won, from the latest deployed processes/stage-probability.dmn: asked once per
 * stage per report (seven evaluations, whatever the number of deals), so a table an analyst deploys counts from the
 * next report on, with no Java change. The table is read from the repository and evaluated by a DMN engine, not through
 * the DecisionService: a report is a read (a read-only transaction) and must not write decision history each time.
 */
@Component
class StageProbabilities {
  static final String DECISION = "stage-probability";

  private final RepositoryService repository;
  private final DmnEngine dmn;
  /** Parsed tables by decision definition id: a deployed definition never changes. */
  private final Map<String, DmnDecision> parsed = new ConcurrentHashMap<>();

  StageProbabilities(RepositoryService repository) {
    this.repository = repository;
    // a DMN engine of its own: the process engine's parses only inside its commands, and writes history
    this.dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
  }

  Map<String, Double> of(Collection<String> stages) {
    DmnDecision table = latestTable();
    Map<String, Double> probabilities = new HashMap<>();
    for (String stage : stages) {
      probabilities.computeIfAbsent(stage, s -> evaluate(table, s));
    }
    return probabilities;
  }

  private DmnDecision latestTable() {
    DecisionDefinition latest = repository.createDecisionDefinitionQuery().decisionDefinitionKey(DECISION)
        .latestVersion().singleResult();
    if (latest == null) {
      throw new IllegalStateException("processes/" + DECISION + ".dmn is not deployed");
    }
    return parsed.computeIfAbsent(latest.getId(), id -> {
      try (InputStream model = repository.getDecisionModel(id)) {
        return dmn.parseDecision(DECISION, model);
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });
  }

  private double evaluate(DmnDecision table, String stage) {
    DmnDecisionTableResult result = dmn.evaluateDecisionTable(table,
        Variables.createVariables().putValue("stage", stage));
    if (result.isEmpty() || result.getSingleResult().getSingleEntry() == null) {
      return 0;
    }
    return ((Number) result.getSingleResult().getSingleEntry()).doubleValue();
  }
}
