package com.relais.crm.platform;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.Collections;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Tells a database that cannot be reached (down, restarting, pool exhausted) from a bug. Engine, JPA and the
 * security filter wrap the driver's error differently, so the whole cause chain is read.
 */
public final class DatabaseOutage {
  /** Seconds a client should wait before trying again; a PostgreSQL restart takes a few seconds. */
  public static final String RETRY_AFTER_SECONDS = "5";
  public static final String DETAIL = "The database is unavailable at the moment; nothing was changed, try again shortly";

  private DatabaseOutage() {}

  /**
   * The one answer to an outage: from the controllers' advice, from the filter in front of the login checks and from
   * the engine API's exception mappers.
   */
  public static ProblemDetail problem() {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, DETAIL);
    problem.setTitle("Service unavailable");
    return problem;
  }

  public static boolean isCause(Throwable failure) {
    Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    for (Throwable t = failure; t != null && seen.add(t); t = t.getCause()) {
      if (t instanceof CannotCreateTransactionException
          || t instanceof DataAccessResourceFailureException
          || t instanceof SQLTransientConnectionException
          || t instanceof SQLNonTransientConnectionException
          || "org.hibernate.exception.JDBCConnectionException".equals(t.getClass().getName())) {
        return true;
      }
      if (t instanceof SQLException sql && (isConnectionState(sql.getSQLState()) || isClosedByPool(sql))) {
        return true;
      }
    }
    return false;
  }

  /**
   * HikariCP's answer (no SQL state) when a connection it already found broken is used again — typically the
   * rollback after the server cut the connection, which then hides the original error.
   */
  private static boolean isClosedByPool(SQLException sql) {
    return sql.getSQLState() == null && "Connection is closed".equals(sql.getMessage());
  }

  /** 08: connection exception; 57P01-57P03: the server is shutting down, crashed or starting up. */
  private static boolean isConnectionState(String state) {
    return state != null && (state.startsWith("08") || state.equals("57P01") || state.equals("57P02")
        || state.equals("57P03"));
  }

}
