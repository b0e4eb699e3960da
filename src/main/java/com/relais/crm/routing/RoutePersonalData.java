package com.relais.crm.routing;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the courier rounds hold on a customer's person, for the export and the erasure of their personal data
 * (privacy module): each planned stop copies the customer's name, address and coordinates, and says which day and
 * which courier came to their door. The erasure keeps the stop in its round (the distance, the load and the value
 * carried are what the rounds report), without whose door it was.
 */
@Component
public class RoutePersonalData {
  private final JdbcClient jdbc;

  RoutePersonalData(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * A stop of a plan for one of the customer's deals, as the export lists it: the plan's day and status, the courier
   * and the place in their round (both null, and {@code reason} set, for a stop left on no round), the copies of the
   * customer's name, address and coordinates, and the expected time.
   */
  public record RouteStop(LocalDate day, String planStatus, String courier, Integer stopOrder, long opportunityId,
      String customerName, String address, Double latitude, Double longitude, Instant eta, int parcels,
      BigDecimal dealValue, String reason) {}

  /** Every stop of the deals on any plan, the earliest day first. */
  @Transactional(readOnly = true)
  public List<RouteStop> stopsOf(Collection<Long> opportunityIds) {
    if (opportunityIds.isEmpty()) {
      return List.of();
    }
    return jdbc.sql("select p.plan_date, p.status, s.courier, s.stop_order, s.opportunity_id, s.customer_name,"
            + " s.address, s.latitude, s.longitude, s.eta, s.parcels, s.deal_value, s.reason"
            + " from route_stop s join route_plan p on p.id = s.plan_id where s.opportunity_id in (:deals)"
            + " order by p.plan_date, s.opportunity_id, s.id")
        .param("deals", List.copyOf(opportunityIds))
        .query((rs, n) -> {
          OffsetDateTime eta = rs.getObject(10, OffsetDateTime.class);
          return new RouteStop(rs.getObject(1, LocalDate.class), rs.getString(2), rs.getString(3),
              rs.getObject(4) == null ? null : rs.getInt(4), rs.getLong(5), rs.getString(6), rs.getString(7),
              rs.getObject(8) == null ? null : rs.getDouble(8), rs.getObject(9) == null ? null : rs.getDouble(9),
              eta == null ? null : eta.toInstant(), rs.getInt(11), rs.getBigDecimal(12), rs.getString(13));
        })
        .list();
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
