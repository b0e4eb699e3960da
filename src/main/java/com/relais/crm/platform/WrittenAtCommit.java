package com.relais.crm.platform;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Rows a transaction appends and does not read back (a deal's stage history), inserted together, one JDBC batch per
 * statement, just before the transaction commits: after the engine's own flush, in the same database transaction,
 * so they commit or roll back with the step that wrote them. One round trip for all of a step's rows instead of one
 * each, and none of the ORM's bookkeeping per row. A reader in the same transaction would not see them yet; only
 * rows nobody reads inside the writing step belong here. Outside a transaction a row is written at once.
 */
@Component
public class WrittenAtCommit {
  private final JdbcTemplate jdbc;

  WrittenAtCommit(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Inserts the row with this statement at the commit of the current transaction (at once without one). */
  public void insert(String sql, Object... values) {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      jdbc.update(sql, values);
      return;
    }
    pendingOfThisTransaction().add(sql, values);
  }

  /**
   * Looked up among the current transaction's synchronizations, not bound as a resource: a transaction started
   * inside this one (REQUIRES_NEW) has its own list, so its rows commit with it and not with the outer one.
   */
  private Pending pendingOfThisTransaction() {
    for (TransactionSynchronization registered : TransactionSynchronizationManager.getSynchronizations()) {
      if (registered instanceof Pending pending && pending.owner() == this) {
        return pending;
      }
    }
    Pending pending = new Pending();
    TransactionSynchronizationManager.registerSynchronization(pending);
    return pending;
  }

  private final class Pending implements TransactionSynchronization {
    private final Map<String, List<Object[]>> rows = new LinkedHashMap<>();

    WrittenAtCommit owner() {
      return WrittenAtCommit.this;
    }

    void add(String sql, Object[] values) {
      rows.computeIfAbsent(sql, statement -> new ArrayList<>()).add(values);
    }

    @Override
    public void beforeCommit(boolean readOnly) {
      rows.forEach(jdbc::batchUpdate);
      rows.clear();
    }
  }
}
