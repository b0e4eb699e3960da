package com.relais.crm.engine;

import java.util.Set;
import org.camunda.bpm.engine.impl.persistence.entity.VariableInstanceEntity;
import org.camunda.bpm.engine.impl.history.AbstractHistoryLevel;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.camunda.bpm.engine.impl.history.event.HistoryEventType;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;

/**
 * History level {@value #NAME}: Camunda's {@code full} without what nobody here reads (the table "History for its
 * readers" in docs/performance.md gives the reader of every event type kept). Every event type kept is answered by
 * {@link HistoryLevel#HISTORY_LEVEL_FULL} itself, so what is written for it is exactly what {@code full} writes.
 * Dropped:
 * <ul>
 *   <li>{@link HistoryEventTypes#VARIABLE_INSTANCE_UPDATE_DETAIL}: at {@code full} every variable created or changed
 *       also writes a row in {@code ACT_HI_DETAIL} (and, for a JSON or file value, a copy in
 *       {@code ACT_GE_BYTEARRAY}). The variable's history ({@code ACT_HI_VARINST}, its latest value) is still
 *       written: the personal-data export reads it.</li>
 *   <li>{@link HistoryEventTypes#FORM_PROPERTY_UPDATE}: a row in {@code ACT_HI_DETAIL} for every field of every form
 *       submitted through the form service (Tasklist's).</li>
 * </ul>
 * Nothing in the service, Cockpit or Tasklist (community edition) reads {@code ACT_HI_DETAIL}; the erasure of a
 * person rewrites its rows when there are any (a database that ran at {@code full} before).
 *
 * <p>Also dropped: the history of the variables other modules declare as display copies ({@link
 * VariablesWithoutHistory}), such as the card on every task that says whose deal it is. Their runtime rows stay (that
 * is what Tasklist shows); a history row per task of every deal would keep a copy of the customer's name that nobody
 * reads.
 */
final class RelaisHistoryLevel extends AbstractHistoryLevel {
  /** Stored in ACT_GE_PROPERTY ("historyLevel"); Camunda's own levels are 0 to 3. */
  static final int ID = 30;
  static final String NAME = "relais";

  /** Produced at {@code full}, read by nobody here. */
  static final Set<HistoryEventType> DROPPED = Set.of(HistoryEventTypes.VARIABLE_INSTANCE_UPDATE_DETAIL,
      HistoryEventTypes.FORM_PROPERTY_UPDATE);

  /** The events of a variable's own history, not written for a display copy. */
  private static final Set<HistoryEventType> VARIABLE_HISTORY = Set.of(HistoryEventTypes.VARIABLE_INSTANCE_CREATE,
      HistoryEventTypes.VARIABLE_INSTANCE_UPDATE, HistoryEventTypes.VARIABLE_INSTANCE_MIGRATE,
      HistoryEventTypes.VARIABLE_INSTANCE_DELETE);

  private final Set<String> displayCopies;

  RelaisHistoryLevel(Set<String> displayCopies) {
    this.displayCopies = Set.copyOf(displayCopies);
  }

  @Override
  public int getId() {
    return ID;
  }

  @Override
  public String getName() {
    return NAME;
  }

  @Override
  public boolean isHistoryEventProduced(HistoryEventType eventType, Object entity) {
    if (entity instanceof VariableInstanceEntity variable && VARIABLE_HISTORY.contains(eventType)
        && displayCopies.contains(variable.getName())) {
      return false;
    }
    return !DROPPED.contains(eventType) && HistoryLevel.HISTORY_LEVEL_FULL.isHistoryEventProduced(eventType, entity);
  }
}
