package com.relais.crm.opportunity;

import com.relais.crm.platform.ScanReads;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What reports ask of the deals for a period, read from the stage history (the one history of sale and delivery
 * stages): the deals won or lost in it, and how many deals reached each stage in it. Read through platform's
 * {@link ScanReads}: on the read replica when one is set and close enough behind the primary.
 */
@Component
public class DealFigures {
  private static final List<String> CLOSING_STAGES = List.of(SaleStage.SALE_6_WON.name(), SaleStage.SALE_LOST.name());

  private final ScanReads scans;

  DealFigures(ScanReads scans) {
    this.scans = scans;
  }

  /** A deal won (or lost) in the period: its owner, its amount in its own currency, when its stage said so. */
  public record Closed(long opportunityId, String owner, BigDecimal amount, String currency, boolean won,
      Instant closedAt) {}

  /** The deals won or lost in [from, to), oldest first. */
  @Transactional(readOnly = true)
  public List<Closed> closedIn(Instant from, Instant to) {
    return scans.read(on -> on.client().sql("select o.id, o.owner, o.amount, o.currency, c.to_stage, c.changed_at"
            + " from stage_change c"
            + " join opportunity o on o.id = c.opportunity_id"
            + " where c.to_stage in (:closing) and c.changed_at >= :from and c.changed_at < :to"
            + " order by c.changed_at, c.id")
        .param("closing", CLOSING_STAGES).param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
        .query((rs, n) -> new Closed(rs.getLong(1), rs.getString(2), rs.getBigDecimal(3), rs.getString(4),
            SaleStage.SALE_6_WON.name().equals(rs.getString(5)), rs.getTimestamp(6).toInstant()))
        .list());
  }

  /**
   * Stage name to the number of deals that reached it in [from, to): sale stages ({@link SaleStage}) and delivery
   * stages alike. A stage no deal reached is absent.
   */
  @Transactional(readOnly = true)
  public Map<String, Long> stagesReached(Instant from, Instant to) {
    return scans.read(on -> {
      Map<String, Long> reached = new TreeMap<>();
      on.client().sql("select to_stage, count(distinct opportunity_id) from stage_change"
              + " where changed_at >= :from and changed_at < :to group by to_stage")
          .param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
          .query(rs -> {
            reached.put(rs.getString(1), rs.getLong(2));
          });
      return reached;
    });
  }
}
