package com.relais.crm.routing;

import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the courier rounds hold on a customer's person, for the erasure of their personal data (privacy module): each
 * planned stop copies the customer's name, address and coordinates. The stop stays in its round (the distance, the
 * load and the value carried are what the rounds report), without whose door it was.
 */
@Component
public class RoutePersonalData {
  private final JdbcClient jdbc;

  RoutePersonalData(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** @return how many stops changed */
  @Transactional
  public int erase(Collection<Long> opportunityIds, String erasedName) {
    if (opportunityIds.isEmpty()) {
      return 0;
    }
    return jdbc.sql("update route_stop set customer_name = :name, address = null, latitude = null, longitude = null"
            + " where opportunity_id in (:deals)")
        .param("name", erasedName).param("deals", List.copyOf(opportunityIds)).update();
  }
}
