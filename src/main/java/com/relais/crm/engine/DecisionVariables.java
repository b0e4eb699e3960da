package com.relais.crm.engine;

import java.util.Map;
import java.util.Set;

/**
 * The decision variables of one process and their documented values, declared by the module that owns the process
 * (from its own constants) and held by {@link DecisionVariableGuard} at every task completion. A variable declared by
 * two processes (transport) may take the values either allows.
 */
public interface DecisionVariables {

  /** Text variables and the values each may take. */
  Map<String, Set<String>> choices();

  /** Variables that must be true or false. */
  default Set<String> flags() {
    return Set.of();
  }

  /** Variables that must be an amount between 0 and the largest amount the CRM stores. */
  default Set<String> amounts() {
    return Set.of();
  }
}
