package com.relais.crm.customer;

import java.util.List;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Gives customers stored before the duplicate keys existed their {@link ContactKeys}, a thousand per transaction, at
 * start (SQL alone cannot strip accents or read a phone number the same way on PostgreSQL and H2). Rows written
 * since carry their keys already, so on any later start there is nothing to do.
 */
@Component
class CustomerKeysBackfill {
  private static final int BATCH = 1000;

  private final JdbcTemplate jdbc;
  private final TransactionTemplate transactions;

  CustomerKeysBackfill(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.transactions = new TransactionTemplate(transactions);
  }

  record Row(long id, String name, String phone) {}

  @EventListener(ApplicationReadyEvent.class)
  void fillMissingKeys() {
    long after = 0;
    while (true) {
      long from = after;
      List<Row> rows = jdbc.query("select id, name, phone from customer where name_key is null and id > ?"
          + " order by id limit " + BATCH, (rs, n) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3)), from);
      if (rows.isEmpty()) {
        return;
      }
      transactions.executeWithoutResult(status -> jdbc.batchUpdate(
          "update customer set name_key = ?, phone_key = ? where id = ?", rows, rows.size(), (statement, row) -> {
            // a name that is all punctuation has no key; a blank marks it done so that it is not read again
            String key = ContactKeys.name(row.name());
            statement.setString(1, key == null ? "" : key);
            statement.setString(2, ContactKeys.phone(row.phone()).orElse(null));
            statement.setLong(3, row.id());
          }));
      after = rows.get(rows.size() - 1).id();
    }
  }
}
