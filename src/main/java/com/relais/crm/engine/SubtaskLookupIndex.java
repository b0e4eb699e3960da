package com.relais.crm.engine;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * An index on {@code ACT_RU_TASK.PARENT_TASK_ID_}, which Camunda's schema does not have but which every task
 * completion needs.
 *
 * <p>When a task ends the engine looks for its subtasks, {@code select * from ACT_RU_TASK where PARENT_TASK_ID_ = ?},
 * and without an index the database reads every open task to answer: in the benchmark's full run about 32,000 such
 * scans reading 135 million rows, on every node, for every deal (docs/performance.md). The index turns each into a
 * lookup of nothing.
 *
 * <p>It is made here, after the engine has built, because the engine makes its own tables at start (schema-update)
 * and Flyway runs before it, when {@code ACT_RU_TASK} may not exist yet. {@code ACT_RU_TASK} holds only open tasks,
 * so building the index takes milliseconds, once, at the first start that finds it missing. Two nodes starting at
 * once may both try: the loser's error is harmless once the index is there, so it is only checked again. A database
 * user without the right to create it (a schema managed by hand) gets a warning with the statement for its DBA, and
 * the service starts without it: slower, never wrong.
 */
@Component
class SubtaskLookupIndex extends AbstractProcessEnginePlugin {
  static final String NAME = "RELAIS_IDX_TASK_PARENT";
  private static final Logger LOG = LoggerFactory.getLogger(SubtaskLookupIndex.class);

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine
        .getProcessEngineConfiguration();
    String prefix = configuration.getDatabaseTablePrefix() == null ? "" : configuration.getDatabaseTablePrefix();
    ensure(configuration.getDataSource(), prefix + "ACT_RU_TASK");
  }

  /** Makes the index on the given task table unless one already leads with the parent column. */
  static void ensure(DataSource dataSource, String table) {
    String statement = "create index " + NAME + " on " + table + " (PARENT_TASK_ID_)";
    try (Connection connection = dataSource.getConnection()) {
      if (exists(connection, table)) {
        return;
      }
      // DDL is committed on its own (PostgreSQL would otherwise roll it back with the connection's transaction)
      connection.setAutoCommit(true);
      try (Statement create = connection.createStatement()) {
        create.execute(statement);
        LOG.info("Created {} so that completing a task no longer reads every open task", NAME);
      } catch (SQLException failed) {
        if (!exists(connection, table)) {
          throw failed;
        }
      }
    } catch (SQLException failed) {
      LOG.warn("Could not create the index that spares each task completion a scan of all open tasks; "
          + "the service works without it, more slowly. A DBA can create it with: {}", statement, failed);
    }
  }

  /** Whether any index of the table has the parent task column first, by whatever name. */
  static boolean exists(Connection connection, String table) throws SQLException {
    return !indexesOnParentColumn(connection, table).isEmpty();
  }

  /** The names, in upper case, of the table's indexes whose first column is the parent task's. */
  static List<String> indexesOnParentColumn(Connection connection, String table) throws SQLException {
    DatabaseMetaData metadata = connection.getMetaData();
    // the catalogue holds unquoted names as the database folds them: lower case on PostgreSQL, upper case on H2
    String folded = metadata.storesLowerCaseIdentifiers() ? table.toLowerCase(Locale.ROOT)
        : table.toUpperCase(Locale.ROOT);
    int dot = folded.lastIndexOf('.');
    List<String> names = new ArrayList<>();
    try (ResultSet indexes = metadata.getIndexInfo(null, dot < 0 ? null : folded.substring(0, dot),
        folded.substring(dot + 1), false, false)) {
      while (indexes.next()) {
        if (indexes.getShort("ORDINAL_POSITION") == 1
            && "PARENT_TASK_ID_".equalsIgnoreCase(indexes.getString("COLUMN_NAME"))) {
          names.add(indexes.getString("INDEX_NAME").toUpperCase(Locale.ROOT));
        }
      }
    }
    return names;
  }
}
