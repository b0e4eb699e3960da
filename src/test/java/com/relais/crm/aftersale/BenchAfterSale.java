package com.relais.crm.aftersale;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.TaskListener;

/**
 * Lets the benchmark's bare engine (another package) start the same after-sale as a won deal does: the standard demo
 * template's tasks as the process variable, and the real create listener, which only does engine work.
 */
public final class BenchAfterSale {
  private BenchAfterSale() {}

  /** The variable {@link AfterSaleProcess} copies from the default demo template. */
  public static List<Map<String, Object>> standardTasks() {
    return AfterSaleDemoTemplates.STANDARD_TASKS.stream().map(TaskDefinition::toVariable).toList();
  }

  public static TaskListener taskSetup() {
    return new AfterSaleTaskSetup();
  }
}
