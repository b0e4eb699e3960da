package com.relais.crm.opportunity;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who looks after a customer: the owner of their newest deal. The contact plan gives a customer to them first.
 * Read for all customers at once (one query), since the plan weighs them all each morning.
 */
@Component
public class AccountManagers {
  private final JdbcClient jdbc;

  AccountManagers(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Customer id to the owner of their newest deal; customers without a deal are absent. */
  @Transactional(readOnly = true)
  public Map<Long, String> byCustomer() {
    Map<Long, String> owners = new HashMap<>();
    // ordered by id: a later deal's owner replaces an earlier one's
    jdbc.sql("select customer_id, owner from opportunity order by id")
        .query(rs -> {
          owners.put(rs.getLong(1), rs.getString(2));
        });
    return owners;
  }

  /** The owner of the customer's newest deal, if they have one. */
  @Transactional(readOnly = true)
  public java.util.Optional<String> of(long customerId) {
    return jdbc.sql("select owner from opportunity where customer_id = ? order by id desc limit 1").param(customerId)
        .query(String.class).optional();
  }

  /** The customers of these deals (deal id to customer id), for facts other modules keep per deal. */
  @Transactional(readOnly = true)
  public Map<Long, Long> customersOf(Collection<Long> opportunityIds) {
    Map<Long, Long> customers = new HashMap<>();
    if (opportunityIds.isEmpty()) {
      return customers;
    }
    // in slices: an IN list of thousands of parameters is refused by some drivers
    var ids = java.util.List.copyOf(opportunityIds);
    for (int from = 0; from < ids.size(); from += 1000) {
      var slice = ids.subList(from, Math.min(ids.size(), from + 1000));
      jdbc.sql("select id, customer_id from opportunity where id in (:ids)").param("ids", slice)
          .query(rs -> {
            customers.put(rs.getLong(1), rs.getLong(2));
          });
    }
    return customers;
  }
}
