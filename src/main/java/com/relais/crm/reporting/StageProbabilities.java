package com.relais.crm.reporting;

import com.relais.crm.engine.DecisionTables;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.springframework.stereotype.Component;

/**
 * Each stage's probability of being won, from the latest deployed processes/stage-probability.dmn: asked once per
 * stage per report (seven evaluations, whatever the number of deals), so a table an analyst deploys counts from the
 * next report on, with no Java change. Asked through {@link DecisionTables}, without decision history: a report is
 * a read (a read-only transaction) and must not write a decision instance each time.
 */
@Component
class StageProbabilities {
  static final String DECISION = "stage-probability";

  private final DecisionTables tables;

  StageProbabilities(DecisionTables tables) {
    this.tables = tables;
  }

  Map<String, Double> of(Collection<String> stages) {
    DmnDecision table = tables.latest(DECISION);
    Map<String, Double> probabilities = new HashMap<>();
    for (String stage : stages) {
      probabilities.computeIfAbsent(stage, s -> evaluate(table, s));
    }
    return probabilities;
  }

  private double evaluate(DmnDecision table, String stage) {
    DmnDecisionTableResult result = tables.evaluate(table, Map.of("stage", stage));
    if (result.isEmpty() || result.getSingleResult().getSingleEntry() == null) {
      return 0;
    }
    return ((Number) result.getSingleResult().getSingleEntry()).doubleValue();
  }
}
