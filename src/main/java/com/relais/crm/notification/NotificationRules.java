package com.relais.crm.notification;

import com.relais.crm.engine.DecisionTables;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
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

  /**
   * Whom the rules name for an event of this kind. The event's facts (customer category, amount, stage) are asked
   * for only when a rule of the latest table can name the kind: for most events of a deal none can, and reading the
   * deal and its customer for them would be work thrown away.
   */
  List<Recipient> recipients(EventKind kind, Supplier<Map<String, Object>> fields) {
    DmnDecision table = latestTable();
    if (table == null || !mayName(table, kind)) {
      return List.of();
    }
    Map<String, Object> event = fields.get();
    Object amount = event.get("dealAmountNumber");
    Map<String, Object> facts = new HashMap<>();
    facts.put("eventKind", kind.name());
    facts.put("customerCategory", event.get("customerCategory"));
    facts.put("dealAmount", amount instanceof Number n ? n.doubleValue() : null);
    facts.put("stage", event.get("stage"));
    try {
      return tables.evaluate(table, facts).getResultList().stream()
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
   * every deal, and the rules' effect is in the notifications themselves. Null when none is deployed.
   */
  private DmnDecision latestTable() {
    try {
      return tables.latest(DECISION);
    } catch (ProcessEngineException noTable) {
      log.warn("No decision table {} is deployed: only subscriptions apply", DECISION);
      return null;
    } catch (RuntimeException broken) {
      log.error("notification-rules.dmn could not be read: {}", broken.getMessage());
      return null;
    }
  }

  /** False when no rule of this version names the kind: the table's answer is known to be empty. */
  private boolean mayName(DmnDecision table, EventKind kind) {
    Optional<Set<String>> kinds = kindsNamed.computeIfAbsent(table, KindsARuleNames::of);
    return kinds.isEmpty() || kinds.get().contains(kind.name());
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
