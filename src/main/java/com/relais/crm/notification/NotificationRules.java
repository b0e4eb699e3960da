package com.relais.crm.notification;

import com.relais.crm.engine.DecisionTables;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.engine.ProcessEngineException;
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

  private final DecisionTables tables;
  /** Per parsed version of the table: the kinds its rules name, or empty when a rule may answer for any. */
  private final Map<DmnDecision, Optional<Set<String>>> kindsNamed = new ConcurrentHashMap<>();

  NotificationRules(DecisionTables tables) {
    this.tables = tables;
  }

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
   * The latest deployed table, asked without decision history ({@link DecisionTables}): this runs at every stage of
   * every deal, and the rules' effect is in the notifications themselves.
   */
  private List<Map<String, Object>> evaluate(Map<String, Object> facts) {
    DmnDecision table;
    try {
      table = tables.latest(DECISION);
    } catch (ProcessEngineException noTable) {
      log.warn("No decision table {} is deployed: only subscriptions apply", DECISION);
      return List.of();
    }
    Optional<Set<String>> kinds = kindsNamed.computeIfAbsent(table, KindsARuleNames::of);
    if (kinds.isPresent() && !kinds.get().contains((String) facts.get("eventKind"))) {
      return List.of(); // no rule of this version names the event: the table's answer is known to be empty
    }
    return tables.evaluate(table, facts).getResultList();
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
