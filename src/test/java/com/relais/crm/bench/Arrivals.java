package com.relais.crm.bench;

import java.util.ArrayList;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.TransactionState;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;

/**
 * Tells the driver when a deal's next step is there, instead of letting it poll the database while the job executor
 * works: a bench-only engine plugin, installed alike on the service's engine and on the bare one, signals once the
 * transaction that created a watched user task (or entered a watched receive task) has committed. Polling made the
 * driver's own task queries up to a third of the database work and cost the slower side more, which blurred A/A'.
 */
final class Arrivals extends AbstractProcessEnginePlugin {
  private static final long TIMEOUT_SECONDS = 120;

  private final Set<String> watched;
  private final ConcurrentHashMap<String, CompletableFuture<Void>> arrived = new ConcurrentHashMap<>();

  Arrivals(Set<String> watchedActivities) {
    this.watched = Set.copyOf(watchedActivities);
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPostBPMNParseListeners() == null) {
      configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
    }
    configuration.getCustomPostBPMNParseListeners().add(new Installer());
  }

  /** Waits until activity {@code activityId} of the deal {@code businessKey} has been reached and committed. */
  void await(long businessKey, String activityId) {
    String key = key(Long.toString(businessKey), activityId);
    try {
      signal(key).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      throw new IllegalStateException("deal " + businessKey + " never reached " + activityId);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (java.util.concurrent.ExecutionException e) {
      throw new IllegalStateException(e);
    } finally {
      arrived.remove(key);
    }
  }

  private CompletableFuture<Void> signal(String key) {
    return arrived.computeIfAbsent(key, k -> new CompletableFuture<>());
  }

  private static String key(String businessKey, String activityId) {
    return businessKey + "/" + activityId;
  }

  /** Only after commit: a task signalled before its transaction commits could not be found by the driver yet. */
  private void reached(String businessKey, String activityId) {
    String key = key(businessKey, activityId);
    Context.getCommandContext().getTransactionContext()
        .addTransactionListener(TransactionState.COMMITTED, context -> signal(key).complete(null));
  }

  private final class Installer extends AbstractBpmnParseListener {
    @Override
    public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
      if (watched.contains(activity.getId()) && activity.getActivityBehavior() instanceof UserTaskActivityBehavior task) {
        task.getTaskDefinition().addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE,
            created -> reached(created.getExecution().getProcessBusinessKey(), created.getTaskDefinitionKey()));
      }
    }

    @Override
    public void parseReceiveTask(Element element, ScopeImpl scope, ActivityImpl activity) {
      if (watched.contains(activity.getId())) {
        activity.addBuiltInListener(ExecutionListener.EVENTNAME_START,
            (ExecutionListener) execution -> reached(execution.getProcessBusinessKey(), activity.getId()));
      }
    }
  }
}
