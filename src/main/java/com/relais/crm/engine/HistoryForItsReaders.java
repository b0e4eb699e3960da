package com.relais.crm.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.SchemaOperationsCommand;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.PropertyEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The engine's history level, from {@code relais.history} ({@code ENGINE_HISTORY}): {@value RelaisHistoryLevel#NAME}
 * (the default, {@link RelaisHistoryLevel}: what the product reads) or {@code full} (Camunda's, for comparison).
 *
 * <p>Camunda stores the level in {@code ACT_GE_PROPERTY} ({@code historyLevel}) when it first starts on a database
 * and refuses to start on a database whose stored level differs ("historyLevel mismatch"). Moving between
 * {@code full} and {@value RelaisHistoryLevel#NAME} is safe both ways ({@value RelaisHistoryLevel#NAME} writes a
 * subset of {@code full}, and the rows already written stay until history cleanup removes them), so at start, right
 * after the schema operations and before Camunda's check, the stored level is set to the configured one when both are
 * one of these two, under the engine's startup lock (two nodes starting together do it once). Any other stored level
 * (none, activity, audit) is left to Camunda's check. A node of an older release configured with {@code full} does not
 * know id {@value RelaisHistoryLevel#ID} and refuses to start on a database a newer node switched: upgrade every node
 * (docs/operations.md).
 *
 * <p>The Spring Boot starter sets the level from {@code camunda.bpm.history-level} too, in a plugin whose order
 * against this one is not fixed; application.yml sets that property from {@code relais.history}, and the engine
 * refuses to start if the two disagree, so the level is never the winner of a race between two settings.
 */
@Component
class HistoryForItsReaders extends AbstractProcessEnginePlugin {
  private static final Logger log = LoggerFactory.getLogger(HistoryForItsReaders.class);
  static final String STORED_LEVEL = "historyLevel";
  /** The levels this setting moves between; ids as Camunda stores them. */
  private static final Set<String> SWITCHABLE = Set.of(Integer.toString(HistoryLevel.HISTORY_LEVEL_FULL.getId()),
      Integer.toString(RelaisHistoryLevel.ID));

  private final String history;
  private final RelaisHistoryLevel relais;

  HistoryForItsReaders(@Value("${relais.history:" + RelaisHistoryLevel.NAME + "}") String history,
      List<VariablesWithoutHistory> displayCopies) {
    this.relais = new RelaisHistoryLevel(displayCopies.stream().flatMap(copies -> copies.variableNames().stream())
        .collect(java.util.stream.Collectors.toSet()));
    String chosen = history == null ? "" : history.strip().toLowerCase(Locale.ROOT);
    if (!chosen.equals(RelaisHistoryLevel.NAME) && !chosen.equals(ProcessEngineConfiguration.HISTORY_FULL)) {
      throw new IllegalArgumentException("relais.history must be " + RelaisHistoryLevel.NAME + " or "
          + ProcessEngineConfiguration.HISTORY_FULL + ", not '" + history + "'");
    }
    this.history = chosen;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    // registered whatever the setting: a node set to full must still recognise a database stored at relais
    List<HistoryLevel> custom = configuration.getCustomHistoryLevels() == null ? new ArrayList<>()
        : new ArrayList<>(configuration.getCustomHistoryLevels());
    if (custom.stream().noneMatch(level -> level.getId() == RelaisHistoryLevel.ID)) {
      custom.add(relais);
    }
    configuration.setCustomHistoryLevels(custom);
    configuration.setHistory(history);
    configuration.setSchemaOperationsCommand(new StoredLevelFollowsSetting(configuration.getSchemaOperationsCommand()));
  }

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    HistoryLevel level = configuration.getHistoryLevel();
    if (level == null || !history.equals(level.getName())) {
      throw new IllegalStateException("The engine's history level is " + (level == null ? "unset" : level.getName())
          + " but relais.history says " + history + ": set relais.history (ENGINE_HISTORY) only, and leave"
          + " camunda.bpm.history-level as application.yml has it");
    }
    log.info("Engine history level: {} (id {})", level.getName(), level.getId());
  }

  /**
   * Camunda's schema operations, then the stored history level moved to the configured one when both are full or
   * relais. Runs before Camunda's history level check, in a transaction of its own.
   */
  static final class StoredLevelFollowsSetting implements SchemaOperationsCommand {
    private final SchemaOperationsCommand schema;

    StoredLevelFollowsSetting(SchemaOperationsCommand schema) {
      this.schema = schema;
    }

    @Override
    public Void execute(CommandContext commandContext) {
      if (schema != null) {
        schema.execute(commandContext);
      }
      HistoryLevel configured = Context.getProcessEngineConfiguration().getHistoryLevel();
      if (configured == null || !SWITCHABLE.contains(Integer.toString(configured.getId()))) {
        return null;
      }
      // the lock Camunda's own setup takes on a new database: a node starting at the same time waits here, then
      // reads the level this one stored
      commandContext.getPropertyManager().acquireExclusiveLockForStartup();
      PropertyEntity stored = commandContext.getPropertyManager().findPropertyById(STORED_LEVEL);
      if (stored == null) {
        return null; // a new database: Camunda's setup stores the configured level
      }
      String to = Integer.toString(configured.getId());
      if (!to.equals(stored.getValue()) && SWITCHABLE.contains(stored.getValue())) {
        log.warn("Engine history level stored in the database moves from id {} to id {} ({}), as relais.history says;"
            + " the history already written stays", stored.getValue(), to, configured.getName());
        stored.setValue(to);
      }
      return null;
    }
  }
}
