package com.relais.crm.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.relais.crm.HttpTest;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Completing a task makes the engine look for its subtasks; {@link SubtaskLookupIndex} gives that lookup an index, on
 * H2 and on PostgreSQL, once, and not a second one beside an index a DBA already made.
 */
@HttpTest
class SubtaskLookupIndexTest {
  private static final String TABLE = "ACT_RU_TASK";

  @Autowired ProcessEngine engine;

  @Test
  void theServiceStartsWithTheSubtaskLookupIndexed() throws SQLException {
    try (Connection connection = dataSource().getConnection()) {
      assertThat(indexesOnParentColumn(connection)).contains(SubtaskLookupIndex.NAME);
    }
  }

  @Test
  void aMissingIndexIsMadeAgainAndOneMadeByHandUnderAnotherNameIsLeftAlone() throws SQLException {
    DataSource dataSource = dataSource();
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(true);
      try {
        execute(connection, "drop index " + SubtaskLookupIndex.NAME);
        assertThat(SubtaskLookupIndex.exists(connection, TABLE)).as("after the drop").isFalse();

        execute(connection, "create index DBA_TASK_PARENT on " + TABLE + " (PARENT_TASK_ID_)");
        SubtaskLookupIndex.ensure(dataSource, TABLE);
        assertThat(indexesOnParentColumn(connection)).as("beside the DBA's own index").containsExactly(
            "DBA_TASK_PARENT");

        execute(connection, "drop index DBA_TASK_PARENT");
        SubtaskLookupIndex.ensure(dataSource, TABLE);
        SubtaskLookupIndex.ensure(dataSource, TABLE);
        assertThat(indexesOnParentColumn(connection)).as("made again, once").containsExactly(
            SubtaskLookupIndex.NAME);
      } finally {
        SubtaskLookupIndex.ensure(dataSource, TABLE);
      }
    }
  }

  private DataSource dataSource() {
    return ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getDataSource();
  }

  private static List<String> indexesOnParentColumn(Connection connection) throws SQLException {
    return SubtaskLookupIndex.indexesOnParentColumn(connection, TABLE);
  }

  private static void execute(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }
}
