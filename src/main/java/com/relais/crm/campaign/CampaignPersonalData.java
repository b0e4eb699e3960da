package com.relais.crm.campaign;

import com.relais.crm.platform.Mentions;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the campaigns hold on one customer, for the export and the erasure of their personal data (privacy module):
 * the campaigns sent to them and their fate, the replies they sent (with the address they came from), the sign-ups
 * they made on the public form. The texts themselves are exchanges in the customer's history.
 */
@Component
public class CampaignPersonalData {
  private final JdbcClient jdbc;

  CampaignPersonalData(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** One campaign as it reached (or did not reach) the customer. */
  public record CampaignMessage(long campaignId, String campaign, String channel, String purpose, String status,
      Instant sentAt, Instant optedOutAt, Long exchangeId) {}

  /** A reply the customer sent to a campaign. */
  public record CampaignReply(long id, Long campaignId, String channel, String sender, Long exchangeId, String topic,
      Instant receivedAt) {}

  /** A sign-up on the public form, with the e-mail consent's confirmation. */
  public record Signup(long id, String email, Instant createdAt, Instant confirmedAt) {}

  @Transactional(readOnly = true)
  public List<CampaignMessage> sentTo(long customerId) {
    return jdbc.sql("select c.id, c.name, c.channel, c.purpose, r.status, r.sent_at, r.opted_out_at, r.exchange_id"
            + " from campaign_recipient r join campaign c on c.id = r.campaign_id where r.customer_id = ?"
            + " order by c.id")
        .param(customerId)
        .query((rs, n) -> new CampaignMessage(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
            rs.getString(5), instant(rs, 6), instant(rs, 7), rs.getObject(8, Long.class)))
        .list();
  }

  @Transactional(readOnly = true)
  public List<CampaignReply> repliesOf(long customerId) {
    return jdbc.sql("select id, campaign_id, channel, sender, exchange_id, topic, received_at from campaign_reply"
            + " where customer_id = ? order by received_at, id")
        .param(customerId)
        .query((rs, n) -> new CampaignReply(rs.getLong(1), rs.getObject(2, Long.class), rs.getString(3),
            rs.getString(4), rs.getObject(5, Long.class), rs.getString(6), instant(rs, 7)))
        .list();
  }

  @Transactional(readOnly = true)
  public List<Signup> signupsOf(long customerId) {
    return jdbc.sql("select id, email, created_at, confirmed_at from signup where customer_id = ? order by id")
        .param(customerId)
        .query((rs, n) -> new Signup(rs.getLong(1), rs.getString(2), instant(rs, 3), instant(rs, 4)))
        .list();
  }

  /**
   * Erases the address of every reply from the customer or from one of {@code addresses} (a reply from an unknown
   * sender is logged on nobody, but its address is theirs), and removes their sign-ups: a sign-up holds their
   * e-mail address, and a confirmation link mailed before the erasure must not grant a consent afterwards (an
   * unknown sign-up is an invalid link).
   *
   * @return how many replies and sign-ups changed
   */
  @Transactional
  public int erase(long customerId, Collection<String> addresses) {
    List<String> lowerAddresses = addresses.stream().filter(Objects::nonNull).filter(a -> !a.isBlank())
        .map(a -> a.strip().toLowerCase(Locale.ROOT)).distinct().toList();
    int changed = jdbc.sql("update campaign_reply set sender = :erased where customer_id = :customerId"
            + (lowerAddresses.isEmpty() ? "" : " or lower(sender) in (:addresses)"))
        .param("erased", Mentions.ERASED).param("customerId", customerId).param("addresses", lowerAddresses)
        .update();
    changed += jdbc.sql("delete from signup where customer_id = ?").param(customerId).update();
    return changed;
  }

  private static Instant instant(ResultSet rs, int column) throws SQLException {
    OffsetDateTime at = rs.getObject(column, OffsetDateTime.class);
    return at == null ? null : at.toInstant();
  }
}
