package com.relais.crm.opportunity;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Deals won, and when: what a campaign's audience and its results ask of the deals. */
@Component
public class WonDeals {
  private final JdbcClient jdbc;

  WonDeals(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public record Won(long opportunityId, long customerId, BigDecimal amount, String currency, Instant wonAt) {}

  private static final String WON = "select o.id, o.customer_id, o.amount, o.currency, c.changed_at from opportunity o"
      + " join stage_change c on c.opportunity_id = o.id and c.to_stage = 'SALE_6_WON'"
      + " where o.stage = 'SALE_6_WON' and c.changed_at >= :since";

  /** What these customers' deals opened at or after {@code since} came to: how many with a deal, won, revenue. */
  public record Outcome(long withADeal, long won, BigDecimal revenue) {}

  @Transactional(readOnly = true)
  public Outcome outcomeOf(Collection<Long> customerIds, Instant since) {
    long withADeal = 0;
    long wonCustomers = 0;
    BigDecimal revenue = BigDecimal.ZERO;
    List<Long> ids = List.copyOf(customerIds);
    for (int start = 0; start < ids.size(); start += 1000) {
      var slice = ids.subList(start, Math.min(ids.size(), start + 1000));
      var row = jdbc.sql("select count(distinct customer_id),"
              + " count(distinct case when stage = 'SALE_6_WON' then customer_id end),"
              + " coalesce(sum(case when stage = 'SALE_6_WON' then amount end), 0)"
              + " from opportunity where customer_id in (:ids) and created_at >= :since")
          .param("ids", slice).param("since", Timestamp.from(since))
          .query((rs, n) -> new Outcome(rs.getLong(1), rs.getLong(2), rs.getBigDecimal(3))).single();
      withADeal += row.withADeal();
      wonCustomers += row.won();
      revenue = revenue.add(row.revenue());
    }
    return new Outcome(withADeal, wonCustomers, revenue);
  }

  /** The customers with a deal won at or after {@code since}. */
  @Transactional(readOnly = true)
  public Set<Long> customersWonSince(Instant since) {
    return new HashSet<>(jdbc.sql("select distinct customer_id from (" + WON + ") w")
        .param("since", Timestamp.from(since)).query(Long.class).list());
  }

  /** The deals these customers won in [from, to). */
  @Transactional(readOnly = true)
  public List<Won> wonBy(Collection<Long> customerIds, Instant from, Instant to) {
    List<Won> won = new ArrayList<>();
    List<Long> ids = List.copyOf(customerIds);
    for (int start = 0; start < ids.size(); start += 1000) {
      won.addAll(jdbc.sql(WON + " and c.changed_at < :to and o.customer_id in (:ids)")
          .param("since", Timestamp.from(from)).param("to", Timestamp.from(to))
          .param("ids", ids.subList(start, Math.min(ids.size(), start + 1000)))
          .query((rs, n) -> new Won(rs.getLong(1), rs.getLong(2), rs.getBigDecimal(3), rs.getString(4),
              rs.getTimestamp(5).toInstant()))
          .list());
    }
    return won;
  }
}
