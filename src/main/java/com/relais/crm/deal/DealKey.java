package com.relais.crm.deal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;

/**
 * The business key every process instance of one deal shares: the opportunity's id, in decimal. Sale, delivery,
 * after-sale and support all start under it, so Cockpit and the history tie a deal's instances together. This is
 * the only place that builds or reads it.
 */
public final class DealKey {
  private DealKey() {}

  public static String of(long opportunityId) {
    return Long.toString(opportunityId);
  }

  /** The deal of a running step. A key that is no deal id means a process was started outside the CRM. */
  public static long opportunityId(DelegateExecution execution) {
    return parse(execution.getProcessBusinessKey());
  }

  public static long opportunityId(DelegateTask task) {
    return opportunityId(task.getExecution());
  }

  public static long parse(String businessKey) {
    try {
      return Long.parseLong(businessKey);
    } catch (NumberFormatException e) {
      throw new IllegalStateException("Business key '" + businessKey + "' is not a deal id: deal processes are "
          + "started by the CRM (an opportunity) with the opportunity id as business key", e);
    }
  }
}
