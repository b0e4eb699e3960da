package com.relais.crm.reporting;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * Each stage's probability of being won, from the latest deployed processes/stage-probability.dmn: asked once per
 * stage per report (seven evaluations, whatever the number of deals), so a table an analyst deploys counts from the
 * next report on, with no Java change.
 */
@Component
class StageProbabilities {
  static final String DECISION = "stage-probability";

  private final DecisionService decisions;

  StageProbabilities(DecisionService decisions) {
    this.decisions = decisions;
  }

  Map<String, Double> of(Collection<String> stages) {
    Map<String, Double> probabilities = new HashMap<>();
    for (String stage : stages) {
      probabilities.computeIfAbsent(stage, this::evaluate);
    }
    return probabilities;
  }

  private double evaluate(String stage) {
    var result = decisions.evaluateDecisionTableByKey(DECISION, Variables.createVariables().putValue("stage", stage));
    if (result.isEmpty() || result.getSingleResult().getSingleEntry() == null) {
      return 0;
    }
    return ((Number) result.getSingleResult().getSingleEntry()).doubleValue();
  }
}
