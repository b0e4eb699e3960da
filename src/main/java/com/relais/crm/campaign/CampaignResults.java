package com.relais.crm.campaign;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The campaigns whose sending ended in a period, with what each did so far: what reports show of campaigns. */
@Component
public class CampaignResults {
  private final JdbcClient jdbc;
  private final Campaigns campaigns;

  CampaignResults(JdbcClient jdbc, Campaigns campaigns) {
    this.jdbc = jdbc;
    this.campaigns = campaigns;
  }

  /**
   * One campaign sent: recipients it reached, failures, opt-outs through its link and replies, and the deals its
   * recipients won within the result window after the sending (CAMPAIGN_RESULT_WINDOW) with their revenue.
   */
  public record Sent(long campaignId, String name, String channel, Instant sentAt, long sent, long failed,
      long optedOut, long replies, long dealsWon, BigDecimal revenue) {}

  /** The campaigns marked sent in [from, to), oldest first. */
  @Transactional(readOnly = true)
  public List<Sent> sentIn(Instant from, Instant to) {
    return jdbc.sql("select id from campaign where sent_at >= ? and sent_at < ? order by sent_at, id")
        .params(Timestamp.from(from), Timestamp.from(to)).query(Long.class).list().stream()
        .map(campaigns::get).map(CampaignResults::sent).toList();
  }

  private static Sent sent(Campaign campaign) {
    Campaign.Counts counts = campaign.counts();
    return new Sent(campaign.id(), campaign.name(), campaign.channel().name(), campaign.sentAt(), counts.sent(),
        counts.failed(), counts.optedOut(), counts.replies(), counts.dealsWon(), counts.revenue());
  }
}
