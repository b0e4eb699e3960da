package com.relais.crm.notification;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableImpl;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableInputImpl;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableRuleImpl;
import org.camunda.bpm.dmn.engine.impl.DmnExpressionImpl;

/**
 * The event kinds a version of the rules table can answer for, read from its "Event kind" column, so that the events
 * no rule names (most stage changes, with the table as shipped) are not put to the table at all. Exact, not a guess:
 * only a column of plain text values ({@code "DEAL_WON"} or {@code "DEAL_WON","DEAL_LOST"}) is read; a rule with an
 * empty or "-" cell, or any other expression (a {@code not(...)}, a function), may answer for every kind, and then
 * every event is put to the table as before. A table without such a column is always asked.
 */
final class KindsARuleNames {
  private static final String COLUMN = "eventKind";
  private static final Pattern PLAIN_TEXTS = Pattern.compile("\\s*\"[A-Z_]+\"\\s*(,\\s*\"[A-Z_]+\"\\s*)*");

  private KindsARuleNames() {}

  /** The kinds some rule of this table names, or empty when a rule may answer for any kind. */
  static Optional<Set<String>> of(DmnDecision table) {
    if (!(table.getDecisionLogic() instanceof DmnDecisionTableImpl decisions)) {
      return Optional.empty();
    }
    int column = -1;
    for (int i = 0; i < decisions.getInputs().size(); i++) {
      DmnDecisionTableInputImpl input = decisions.getInputs().get(i);
      if (input.getExpression() != null && COLUMN.equals(strip(input.getExpression().getExpression()))) {
        column = i;
      }
    }
    if (column < 0) {
      return Optional.empty();
    }
    Set<String> kinds = new HashSet<>();
    for (DmnDecisionTableRuleImpl rule : decisions.getRules()) {
      DmnExpressionImpl cell = rule.getConditions().get(column);
      String text = cell == null ? null : strip(cell.getExpression());
      boolean feel = cell == null || cell.getExpressionLanguage() == null
          || cell.getExpressionLanguage().toLowerCase(java.util.Locale.ROOT).contains("feel");
      if (text == null || text.isEmpty() || text.equals("-") || !feel || !PLAIN_TEXTS.matcher(text).matches()) {
        return Optional.empty();
      }
      for (String value : text.split(",")) {
        kinds.add(strip(value).replace("\"", ""));
      }
    }
    return Optional.of(Set.copyOf(kinds));
  }

  private static String strip(String text) {
    return text == null ? null : text.strip();
  }
}
