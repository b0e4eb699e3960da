package com.relais.crm.opportunity;

import com.relais.crm.platform.ScanReads;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The deals summed up for a manager's reports: open deals by stage and by month of expected close, deals won and
 * lost in a period. Aggregated in SQL (a manager's desk at 100 000 deals must not read them one by one); each figure
 * may be narrowed to the deals of some owners (a team), {@code null} meaning everyone's. Read through platform's
 * {@link ScanReads}: on the read replica when one is set and close enough behind the primary.
 */
@Component
public class PipelineFigures {
  private static final String OPEN = "o.stage not in ('SALE_6_WON', 'SALE_LOST')";

  private final ScanReads scans;

  PipelineFigures(ScanReads scans) {
    this.scans = scans;
  }

  /** Open deals in one stage: how many and for how much. */
  public record StageTotal(String stage, long deals, BigDecimal amount) {}

  /** Open deals of one stage expected to close in one month ({@code year} 0 when no date is set). */
  public record MonthStageTotal(int year, int month, String stage, long deals, BigDecimal amount) {}

  /** Deals won or lost in a period, with the won amount, per month of the win. */
  public record Closed(int year, int month, long won, long lost, BigDecimal wonAmount) {}

  /** Won deals in a period per owner. */
  public record OwnerWon(String owner, long won, BigDecimal amount) {}

  @Transactional(readOnly = true)
  public List<StageTotal> openByStage(Collection<String> owners) {
    return scans.read(on -> on.client().sql("select o.stage, count(*), coalesce(sum(o.amount), 0) from opportunity o"
            + " where " + OPEN + owned(owners) + " group by o.stage order by o.stage")
        .params(params(owners)).query((rs, n) -> new StageTotal(rs.getString(1), rs.getLong(2), rs.getBigDecimal(3)))
        .list());
  }

  /**
   * Open deals by month of expected close and stage, for months from {@code from} to {@code to}, and those without
   * an expected close date (year 0).
   */
  @Transactional(readOnly = true)
  public List<MonthStageTotal> openByCloseMonth(LocalDate from, LocalDate to, Collection<String> owners) {
    List<Object> args = new java.util.ArrayList<>(params(owners));
    args.add(from);
    args.add(to);
    // grouped over a derived table: H2 and PostgreSQL then agree that the month is one column
    return scans.read(on -> on.client().sql("select close_year, close_month, stage, count(*),"
            + " coalesce(sum(amount), 0) from (select"
            + " coalesce(extract(year from o.expected_close_date), 0) close_year,"
            + " coalesce(extract(month from o.expected_close_date), 0) close_month, o.stage, o.amount"
            + " from opportunity o where " + OPEN + owned(owners)
            + " and (o.expected_close_date is null or o.expected_close_date between ? and ?)) open_deals"
            + " group by close_year, close_month, stage")
        .params(args).query((rs, n) -> new MonthStageTotal(rs.getInt(1), rs.getInt(2), rs.getString(3),
            rs.getLong(4), rs.getBigDecimal(5)))
        .list());
  }

  /** Deals closed (won or lost) between {@code from} and {@code to}, by month of closing. */
  @Transactional(readOnly = true)
  public List<Closed> closedBetween(Instant from, Instant to, Collection<String> owners) {
    List<Object> args = new java.util.ArrayList<>();
    args.add(Timestamp.from(from));
    args.add(Timestamp.from(to));
    args.addAll(params(owners));
    return scans.read(on -> on.client().sql("select closed_year, closed_month, sum(won), sum(lost),"
            + " coalesce(sum(won_amount), 0) from (select"
            + " extract(year from c.changed_at) closed_year, extract(month from c.changed_at) closed_month,"
            + " case when c.to_stage = 'SALE_6_WON' then 1 else 0 end won,"
            + " case when c.to_stage = 'SALE_LOST' then 1 else 0 end lost,"
            + " case when c.to_stage = 'SALE_6_WON' then o.amount end won_amount"
            + " from stage_change c join opportunity o on o.id = c.opportunity_id"
            + " where c.to_stage in ('SALE_6_WON', 'SALE_LOST') and c.changed_at >= ? and c.changed_at < ?"
            + owned(owners) + ") closed group by closed_year, closed_month")
        .params(args).query((rs, n) -> new Closed(rs.getInt(1), rs.getInt(2), rs.getLong(3), rs.getLong(4),
            rs.getBigDecimal(5)))
        .list());
  }

  /** Won deals between {@code from} and {@code to} per owner (for objectives). */
  @Transactional(readOnly = true)
  public List<OwnerWon> wonByOwner(Instant from, Instant to, Collection<String> owners) {
    List<Object> args = new java.util.ArrayList<>();
    args.add(Timestamp.from(from));
    args.add(Timestamp.from(to));
    args.addAll(params(owners));
    return scans.read(on -> on.client().sql("select o.owner, count(*), coalesce(sum(o.amount), 0) from stage_change c"
            + " join opportunity o on o.id = c.opportunity_id where c.to_stage = 'SALE_6_WON'"
            + " and c.changed_at >= ? and c.changed_at < ?" + owned(owners) + " group by o.owner")
        .params(args).query((rs, n) -> new OwnerWon(rs.getString(1), rs.getLong(2), rs.getBigDecimal(3))).list());
  }

  /** Title, owner, stage and amount of some deals, for lists that name them. */
  public record DealLine(long id, String title, String owner, String stage, BigDecimal amount, String currency) {}

  @Transactional(readOnly = true)
  public List<DealLine> lines(Collection<Long> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    return scans.read(on -> on.client().sql("select id, title, owner, stage, amount, currency from opportunity"
            + " where id in (:ids)")
        .param("ids", ids).query((rs, n) -> new DealLine(rs.getLong(1), rs.getString(2), rs.getString(3),
            rs.getString(4), rs.getBigDecimal(5), rs.getString(6)))
        .list());
  }

  private static String owned(Collection<String> owners) {
    if (owners == null) {
      return "";
    }
    if (owners.isEmpty()) {
      return " and 1 = 0";
    }
    return " and o.owner in (" + String.join(", ", owners.stream().map(o -> "?").toList()) + ")";
  }

  private static List<Object> params(Collection<String> owners) {
    return owners == null ? List.of() : List.copyOf(owners);
  }
}
