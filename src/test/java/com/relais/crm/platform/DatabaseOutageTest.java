package com.relais.crm.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.orm.jpa.JpaSystemException;
import org.springframework.transaction.CannotCreateTransactionException;

/** Which failures mean "the database cannot be reached" (503) rather than a bug (500). */
class DatabaseOutageTest {

  @Test
  void connectionFailuresAreOutagesHoweverDeeplyWrapped() {
    var poolTimeout = new SQLTransientConnectionException("HikariPool-1 - Connection is not available");
    assertThat(DatabaseOutage.isCause(poolTimeout)).isTrue();
    assertThat(DatabaseOutage.isCause(new ProcessEngineException("engine", new RuntimeException(poolTimeout))))
        .isTrue();
    assertThat(DatabaseOutage.isCause(new CannotCreateTransactionException("no JPA EntityManager"))).isTrue();
    assertThat(DatabaseOutage.isCause(new SQLException("connection refused", "08001"))).isTrue();
    assertThat(DatabaseOutage.isCause(new SQLException("terminating connection due to administrator command",
        "57P01"))).isTrue();
    // the rollback after the server cut the connection hides the first error behind the pool's closed connection
    assertThat(DatabaseOutage.isCause(new JpaSystemException(new RuntimeException("Unable to rollback",
        new SQLException("Connection is closed"))))).isTrue();
  }

  @Test
  void otherDatabaseErrorsAreNot() {
    assertThat(DatabaseOutage.isCause(new DataIntegrityViolationException("duplicate key",
        new SQLException("duplicate key value", "23505")))).isFalse();
    assertThat(DatabaseOutage.isCause(new SQLException("syntax error", "42601"))).isFalse();
    assertThat(DatabaseOutage.isCause(new IllegalStateException("bug"))).isFalse();
  }
}
