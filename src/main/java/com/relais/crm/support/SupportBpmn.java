package com.relais.crm.support;

import com.relais.crm.engine.DecisionVariables;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/** Names shared between processes/support.bpmn and the Java side. */
public final class SupportBpmn {
  public static final String PROCESS_KEY = "support";
  public static final String MESSAGE_SUPPORT_REQUESTED = "SupportRequested";

  public static final String DELIVERY_PROCESS_INSTANCE_ID = "deliveryProcessInstanceId";
  public static final String REASON = "reason";
  public static final String SUPPORT_CASE_ID = "supportCaseId";
  public static final String PRIORITY = "priority";
  public static final String RESOLUTION = "resolution";
  public static final String RESOLUTION_NOTES = "resolutionNotes";
  public static final String RESOLVED = "resolved";

  static final String TASK_TRIAGE = "userTask_triageCase";
  static final String TASK_RESOLVE = "userTask_resolveCase";
  static final String TASK_CONFIRM = "userTask_confirmResolution";
  static final String TASK_ESCALATION = "userTask_handleEscalation";

  private SupportBpmn() {}

  /** The support case's decisions, held to these values at every task completion. */
  @Component
  static class Decisions implements DecisionVariables {
    @Override
    public Map<String, Set<String>> choices() {
      return Map.of();
    }

    @Override
    public Set<String> flags() {
      return Set.of(RESOLVED);
    }
  }
}
