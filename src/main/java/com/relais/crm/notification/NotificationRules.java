package com.relais.crm.notification;

import java.io.ByteArrayInputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.variable.Variables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The company-wide rules of processes/notification-rules.dmn: who else is told of an event, and how. An analyst
 * changes them in the Modeler and deploys; the latest version applies from the next event.
 */
@Component
class NotificationRules {
  static final String DECISION = "notificationRules";
  private static final Logger log = LoggerFactory.getLogger(NotificationRules.class);

  /** A DMN engine without the process engine's history listener (see {@link #evaluate}). */
  private final DmnEngine dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
  /** Parsed tables by decision definition id: a deployed definition never changes. */
  private final Map<String, DmnDecision> parsed = new ConcurrentHashMap<>();

  NotificationRules() {}

  /** One rule's answer: a group or a user, and the channel. */
  record Recipient(String group, String user, NotificationChannel channel) {}

  List<Recipient> recipients(EventKind kind, String customerCategory, Double dealAmount, String stage) {
    Map<String, Object> facts = new HashMap<>();
    facts.put("eventKind", kind.name());
    facts.put("customerCategory", customerCategory);
    facts.put("dealAmount", dealAmount);
    facts.put("stage", stage);
    try {
      return evaluate(facts).stream()
          .map(row -> new Recipient(blank((String) row.get("recipientGroup")),
              blank((String) row.get("recipientUser")), channel((String) row.get("channel"))))
          .filter(r -> (r.group() != null || r.user() != null) && r.channel() != null)
          .toList();
    } catch (RuntimeException broken) {
      // a broken table must not stop the deal step that raised the event; subscriptions still work
      log.error("notification-rules.dmn could not be evaluated for {}: {}", kind, broken.getMessage());
      return List.of();
    }
  }

  /**
   * The latest deployed table, evaluated inside the current engine command (no transaction of its own) by a DMN
   * engine of this class's own, so that no decision history is written: this runs at every stage of every deal, and
   * the rules' effect is in the notifications themselves. The process engine's DMN engine would not do: it carries
   * the engine's history listener, which wrote one decision instance and four inputs per event (thirteen decisions per
   * deal, measured in the benchmark's scenario A). The table is parsed once per deployed version, from the
   * deployment's own bytes (no authorization check: the rules are the company's, not the user's). Called from
   * {@link NotificationDispatcher}, inside {@link EngineAsSystem#run}.
   */
  private List<Map<String, Object>> evaluate(Map<String, Object> facts) {
    var configuration = Context.getProcessEngineConfiguration();
    DecisionDefinition latest;
    try {
      latest = configuration.getDeploymentCache().findDeployedLatestDecisionDefinitionByKey(DECISION);
    } catch (ProcessEngineException noTable) {
      log.warn("No decision table {} is deployed: only subscriptions apply", DECISION);
      return List.of();
    }
    DmnDecision table = parsed.computeIfAbsent(latest.getId(), id -> parse(latest));
    return dmn.evaluateDecisionTable(table, Variables.fromMap(facts)).getResultList();
  }

  private DmnDecision parse(DecisionDefinition definition) {
    var resource = Context.getCommandContext().getResourceManager()
        .findResourceByDeploymentIdAndResourceName(definition.getDeploymentId(), definition.getResourceName());
    return dmn.parseDecision(DECISION, new ByteArrayInputStream(resource.getBytes()));
  }

  private static String blank(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }

  private static NotificationChannel channel(String name) {
    try {
      return name == null ? null : NotificationChannel.valueOf(name.strip());
    } catch (IllegalArgumentException unknown) {
      log.warn("notification-rules.dmn names an unknown channel '{}'", name);
      return null;
    }
  }
}
