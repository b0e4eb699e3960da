package com.relais.crm.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.FileInputStream;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.feel.impl.FeelException;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngine;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.junit.jupiter.api.Test;

/**
 * The FEEL engine that parses once answers as Camunda's does: the same values and unary-test verdicts for the same
 * expressions and variables (a kept parse must never keep a value), the same error for what does not parse or
 * evaluate, and the same rows from the deployed decision tables the service asks.
 */
class ParsedOnceFeelEngineTest {
  private final ScalaFeelEngine camundas = new ScalaFeelEngine(List.of());
  private final ParsedOnceFeelEngine parsedOnce = new ParsedOnceFeelEngine(List.of());

  @Test
  void simpleExpressionsGiveCamundasValuesEachTimeWithTheirOwnVariables() {
    for (int round = 0; round < 2; round++) {
      for (var variables : List.of(vars("amount", 100, "name", "Dupont"), vars("amount", 70_000, "name", "Martin"))) {
        for (String expression : List.of("amount", "amount * 2 + 1", "name", "upper case(name)",
            "if amount > 50000 then \"big\" else \"small\"", "string length(name) > 5")) {
          assertThat((Object) parsedOnce.evaluateSimpleExpression(expression, variables))
              .as(expression + " with " + variables)
              .isEqualTo(camundas.evaluateSimpleExpression(expression, variables));
        }
      }
    }
  }

  @Test
  void unaryTestsGiveCamundasVerdictsForEachInput() {
    for (int round = 0; round < 2; round++) {
      for (Object amount : List.of(10, 50_000, 50_001, 120_000)) {
        VariableContext variables = vars("dealAmount", amount, "stage", "WON");
        for (String test : List.of("> 50000", "[1..50000]", "-", "< 20, > 100000", "not(50000)")) {
          assertThat(parsedOnce.evaluateSimpleUnaryTests(test, "dealAmount", variables))
              .as(test + " for " + amount)
              .isEqualTo(camundas.evaluateSimpleUnaryTests(test, "dealAmount", variables));
        }
        assertThat(parsedOnce.evaluateSimpleUnaryTests("\"WON\",\"LOST\"", "stage", variables)).isTrue();
      }
    }
  }

  @Test
  void whatDoesNotParseOrEvaluateFailsAsInCamundasEngine() {
    VariableContext variables = vars("amount", 5, "name", "x");
    for (String broken : List.of("amount >", "unknownFunction(amount)", "amount + name")) {
      Object camundaAnswer;
      try {
        camundaAnswer = camundas.evaluateSimpleExpression(broken, variables);
      } catch (FeelException failure) {
        String message = failure.getMessage();
        assertThatThrownBy(() -> parsedOnce.evaluateSimpleExpression(broken, variables))
            .as(broken).isInstanceOf(FeelException.class).hasMessage(message);
        assertThatThrownBy(() -> parsedOnce.evaluateSimpleExpression(broken, variables))
            .as(broken + ", asked again").isInstanceOf(FeelException.class).hasMessage(message);
        continue;
      }
      assertThat((Object) parsedOnce.evaluateSimpleExpression(broken, variables)).as(broken).isEqualTo(camundaAnswer);
    }
  }

  @Test
  void theNotificationRulesTableGivesTheSameRowsThroughEitherEngine() throws Exception {
    DmnEngine camundaDmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    DmnEngine ours = ((DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration())
        .feelEngineFactory(ParsedOnceFeelEngine.factory(List.of())).buildEngine();
    DmnDecision theirs;
    DmnDecision mine;
    try (var in = new FileInputStream("processes/notification-rules.dmn");
        var again = new FileInputStream("processes/notification-rules.dmn")) {
      theirs = camundaDmn.parseDecision("notificationRules", in);
      mine = ours.parseDecision("notificationRules", again);
    }
    for (String kind : List.of("DEAL_WON", "SUPPORT_CASE_OPENED", "STAGE_CHANGED")) {
      for (String category : List.of("KEY_ACCOUNT", "SMALL_BUSINESS")) {
        for (Double amount : new Double[] {null, 1_000.0, 50_000.0, 80_000.0}) {
          Map<String, Object> facts = new java.util.HashMap<>();
          facts.put("eventKind", kind);
          facts.put("customerCategory", category);
          facts.put("dealAmount", amount);
          facts.put("stage", "WON");
          assertThat(ours.evaluateDecisionTable(mine, Variables.fromMap(facts)).getResultList())
              .as(facts.toString())
              .isEqualTo(camundaDmn.evaluateDecisionTable(theirs, Variables.fromMap(facts)).getResultList());
        }
      }
    }
    assertThat(ours.evaluateDecisionTable(mine, Variables.fromMap(Map.of("eventKind", "DEAL_WON",
        "customerCategory", "KEY_ACCOUNT", "dealAmount", 80_000.0, "stage", "WON"))).getResultList())
        .as("a big key account's win goes to the managers by e-mail").hasSize(1)
        .first().satisfies(row -> assertThat(row).containsEntry("recipientGroup", "managers"));
  }

  private static VariableContext vars(String name, Object value, String other, Object otherValue) {
    return Variables.createVariables().putValue(name, value).putValue(other, otherValue).asVariableContext();
  }
}
