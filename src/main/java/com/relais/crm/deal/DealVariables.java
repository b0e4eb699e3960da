package com.relais.crm.deal;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;

/**
 * The small, display-only variables every deal process carries so that Tasklist and Cockpit can show what a task is
 * about without a lookup. Ids and primitives only: entities stay in the CRM tables.
 */
public final class DealVariables {
  public static final String OPPORTUNITY_ID = "opportunityId";
  public static final String CUSTOMER_NAME = "customerName";
  public static final String OPPORTUNITY_TITLE = "opportunityTitle";
  public static final String DEAL_AMOUNT = "dealAmount";
  public static final String CURRENCY = "currency";

  /** A task's own one-line summary of its deal, for Tasklist's cards (see DisplayVariablesOnTasks). */
  public static final String DEAL_CARD = "dealCard";

  private DealVariables() {}

  public static Map<String, Object> of(long opportunityId, String customerName, String title, BigDecimal amount,
      String currency) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(OPPORTUNITY_ID, opportunityId);
    variables.put(CUSTOMER_NAME, customerName);
    variables.put(OPPORTUNITY_TITLE, title);
    // a double so that DMN tables and Camunda Forms read it as a plain number
    variables.put(DEAL_AMOUNT, amount.doubleValue());
    variables.put(CURRENCY, currency);
    return variables;
  }
}
