package com.relais.crm.engine;

import java.util.Set;

/**
 * Process or task variables that are display copies of a record kept elsewhere (a card on a task, say): at history
 * level {@code relais} their runtime rows are written as any variable's, their history is not ({@link
 * RelaisHistoryLevel}). A module declares its own by a bean implementing this.
 */
public interface VariablesWithoutHistory {
  Set<String> variableNames();
}
