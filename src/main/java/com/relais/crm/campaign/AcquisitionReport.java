package com.relais.crm.campaign;

import com.relais.crm.customer.MarketingCards;
import com.relais.crm.opportunity.WonDeals;
import com.relais.crm.platform.InvalidFieldException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * How effective the marketing was in a period: per acquisition source, the customers it brought in (created in the
 * period) and what their deals came to; per campaign sent in the period, the customers it reached and what they
 * opened and won after it. Conversion: won / acquired (or reached).
 */
@Service
class AcquisitionReport {
  private final MarketingCards cards;
  private final WonDeals deals;
  private final JdbcClient jdbc;
  private final ZoneId zone;

  AcquisitionReport(MarketingCards cards, WonDeals deals, JdbcClient jdbc,
      @Value("${relais.notifications.zone:Europe/Paris}") ZoneId zone) {
    this.cards = cards;
    this.deals = deals;
    this.jdbc = jdbc;
    this.zone = zone;
  }

  record Row(String source, Long campaignId, String campaignName, long customers, long withADeal, long won,
      BigDecimal revenue, BigDecimal conversion) {}

  record Report(LocalDate from, LocalDate to, List<Row> bySource, List<Row> byCampaign) {}

  @Transactional(readOnly = true)
  Report report(LocalDate from, LocalDate to) {
    com.relais.crm.platform.SaneDates.require("from", from);
    com.relais.crm.platform.SaneDates.require("to", to);
    if (from == null || to == null || to.isBefore(from) || ChronoUnit.DAYS.between(from, to) > 3660) {
      throw new InvalidFieldException("from", "from and to: a period of at most ten years, from not after to");
    }
    Instant start = from.atStartOfDay(zone).toInstant();
    Instant end = to.plusDays(1).atStartOfDay(zone).toInstant();
    List<Row> bySource = new ArrayList<>();
    cards.acquiredBetween(start, end).forEach((source, customers) -> {
      var outcome = deals.outcomeOf(customers, start);
      bySource.add(new Row(source, null, null, customers.size(), outcome.withADeal(), outcome.won(),
          outcome.revenue(), rate(outcome.won(), customers.size())));
    });
    List<Row> byCampaign = new ArrayList<>();
    jdbc.sql("select id, name, sent_at from campaign where status = 'SENT' and sent_at >= ? and sent_at < ?"
            + " order by sent_at")
        .params(Timestamp.from(start), Timestamp.from(end))
        .query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2), rs.getTimestamp(3).toInstant()}).list()
        .forEach(campaign -> {
          long id = (Long) campaign[0];
          List<Long> reached = jdbc.sql("select customer_id from campaign_recipient where campaign_id = ?"
              + " and status = 'SENT'").param(id).query(Long.class).list();
          var outcome = deals.outcomeOf(reached, (Instant) campaign[2]);
          byCampaign.add(new Row(null, id, (String) campaign[1], reached.size(), outcome.withADeal(), outcome.won(),
              outcome.revenue(), rate(outcome.won(), reached.size())));
        });
    return new Report(from, to, bySource, byCampaign);
  }

  private static BigDecimal rate(long won, long of) {
    return of == 0 ? BigDecimal.ZERO : BigDecimal.valueOf(won).divide(BigDecimal.valueOf(of), 4, RoundingMode.HALF_UP);
  }
}
