package com.relais.crm.deal;

import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;

/**
 * Runs the start of a deal's next process (the delivery after a win, the support case after a refusal) as part of
 * the engine step that caused it. Inside an engine command the engine's authorization checks are lifted for it: a
 * Tasklist user who may complete the win may not be allowed to start a delivery, and the start follows from the
 * completion they were allowed to make. Outside a command (a call from the API) it runs as it is.
 */
public final class FollowingStep {
  private FollowingStep() {}

  public static void run(Runnable start) {
    CommandContext engineCommand = Context.getCommandContext();
    if (engineCommand == null) {
      start.run();
      return;
    }
    engineCommand.runWithoutAuthorization(() -> {
      start.run();
      return null;
    });
  }
}
