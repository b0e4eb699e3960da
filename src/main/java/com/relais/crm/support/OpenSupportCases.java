package com.relais.crm.support;

import java.util.HashSet;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The deals with a support case not resolved yet: their customer is worth asking how it is going. */
@Component
public class OpenSupportCases {
  private final JdbcClient jdbc;

  OpenSupportCases(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Transactional(readOnly = true)
  public Set<Long> dealIds() {
    Set<Long> deals = new HashSet<>();
    jdbc.sql("select distinct opportunity_id from support_case where status <> :resolved")
        .param("resolved", SupportCaseStatus.RESOLVED.name())
        .query(rs -> {
          deals.add(rs.getLong(1));
        });
    return deals;
  }
}
