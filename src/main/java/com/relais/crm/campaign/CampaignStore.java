package com.relais.crm.campaign;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.relais.crm.platform.NotFoundException;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The campaign rows and their recipients. Callers hold the transaction. */
@Repository
class CampaignStore {
  private final JdbcClient jdbc;
  private final org.springframework.jdbc.core.JdbcTemplate batch;
  private final ObjectMapper json;

  CampaignStore(JdbcClient jdbc, org.springframework.jdbc.core.JdbcTemplate batch, ObjectMapper json) {
    this.jdbc = jdbc;
    this.batch = batch;
    this.json = json;
  }

  long insert(CampaignRequest request, String by, Instant now) {
    var key = new org.springframework.jdbc.support.GeneratedKeyHolder();
    jdbc.sql("insert into campaign (name, channel, purpose, subject, body, audience, send_at, status, created_by,"
            + " created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, 'DRAFT', ?, ?, ?)")
        .params(request.name().strip(), request.channel().name(), request.purpose().name(), request.subject(),
            request.text(), write(request.audience()), at(request.sendAt()), by, at(now), at(now))
        .update(key, "id");
    return key.getKey().longValue();
  }

  void update(long id, CampaignRequest request, Instant now) {
    jdbc.sql("update campaign set name = ?, channel = ?, purpose = ?, subject = ?, body = ?, audience = ?,"
            + " send_at = ?, updated_at = ?, version = version + 1 where id = ?")
        .params(request.name().strip(), request.channel().name(), request.purpose().name(), request.subject(),
            request.text(), write(request.audience()), at(request.sendAt()), at(now), id)
        .update();
  }

  /** Moves the campaign on only from the status it is expected in; @return whether it moved. */
  boolean move(long id, Campaign.Status from, Campaign.Status to, Instant now) {
    return jdbc.sql("update campaign set status = ?, updated_at = ?, version = version + 1 where id = ? and status = ?")
        .params(to.name(), at(now), id, from.name()).update() == 1;
  }

  void decided(long id, String by, String note) {
    jdbc.sql("update campaign set decided_by = ?, decision_note = ? where id = ?").params(by, note, id).update();
  }

  void sent(long id, Instant now) {
    jdbc.sql("update campaign set status = 'SENT', sent_at = ?, updated_at = ? where id = ?")
        .params(at(now), at(now), id).update();
  }

  void closed(long id, Instant now) {
    jdbc.sql("update campaign set closed_at = ? where id = ?").params(at(now), id).update();
  }

  Campaign get(long id) {
    return jdbc.sql("select * from campaign where id = ?").param(id).query(this::campaign).optional()
        .orElseThrow(() -> new NotFoundException("Campaign", id));
  }

  List<Campaign> list(int page, int size) {
    return jdbc.sql("select * from campaign order by id desc limit ? offset ?").params(size, (long) page * size)
        .query(this::campaign).list();
  }

  // recipients

  boolean hasRecipients(long campaignId) {
    return jdbc.sql("select count(*) from campaign_recipient where campaign_id = ?").param(campaignId)
        .query(Long.class).single() > 0;
  }

  void addRecipients(long campaignId, List<Long> customerIds, String status) {
    batch.batchUpdate("insert into campaign_recipient (campaign_id, customer_id, status) values (?, ?, ?)",
        customerIds, 1000, (statement, customer) -> {
          statement.setLong(1, campaignId);
          statement.setLong(2, customer);
          statement.setString(3, status);
        });
  }

  List<Long> pending(long campaignId, int limit) {
    return jdbc.sql("select customer_id from campaign_recipient where campaign_id = ? and status = 'PENDING'"
        + " order by customer_id limit ?").params(campaignId, limit).query(Long.class).list();
  }

  void recipient(long campaignId, long customerId, String status, Long exchangeId, Instant at) {
    jdbc.sql("update campaign_recipient set status = ?, exchange_id = ?, sent_at = ? where campaign_id = ?"
            + " and customer_id = ?")
        .params(status, exchangeId, at(at), campaignId, customerId).update();
  }

  /** @return whether this recipient had not opted out through this campaign's link yet */
  boolean optedOut(long campaignId, long customerId, Instant now) {
    return jdbc.sql("update campaign_recipient set opted_out_at = ? where campaign_id = ? and customer_id = ?"
        + " and opted_out_at is null").params(at(now), campaignId, customerId).update() == 1;
  }

  /** The campaign on this channel the customer received last since {@code since}, if any: what a reply answers. */
  java.util.Optional<Long> lastCampaignOf(long customerId, String channel, Instant since) {
    return jdbc.sql("select r.campaign_id from campaign_recipient r join campaign c on c.id = r.campaign_id"
            + " where r.customer_id = ? and r.status = 'SENT' and c.channel = ? and r.sent_at >= ?"
            + " order by r.sent_at desc limit 1")
        .params(customerId, channel, at(since)).query(Long.class).optional();
  }

  void reply(Long campaignId, Long customerId, String channel, String sender, Long exchangeId, String topic,
      Instant at) {
    jdbc.sql("insert into campaign_reply (campaign_id, customer_id, channel, sender, exchange_id, topic, received_at)"
            + " values (?, ?, ?, ?, ?, ?, ?)")
        .params(campaignId, customerId, channel, sender, exchangeId, topic, at(at)).update();
  }

  /** The SMS campaign this customer received last, if any. */
  java.util.Optional<Long> lastSmsCampaignOf(long customerId) {
    return jdbc.sql("select r.campaign_id from campaign_recipient r join campaign c on c.id = r.campaign_id"
            + " where r.customer_id = ? and r.status = 'SENT' and c.channel = 'SMS' order by r.sent_at desc limit 1")
        .param(customerId).query(Long.class).optional();
  }

  List<Long> sentTo(long campaignId) {
    return jdbc.sql("select customer_id from campaign_recipient where campaign_id = ? and status = 'SENT'")
        .param(campaignId).query(Long.class).list();
  }

  /**
   * The campaign with its counts, for the API. Counting reads every recipient row, so the sending's batches and the
   * reply handling read the campaign without them ({@link #get}).
   */
  Campaign withCounts(Campaign c) {
    return new Campaign(c.id(), c.name(), c.channel(), c.purpose(), c.subject(), c.text(), c.audience(), c.sendAt(),
        c.status(), c.createdBy(), c.decidedBy(), c.decisionNote(), c.sentAt(), c.closedAt(), counts(c.id()));
  }

  private Campaign.Counts counts(long id) {
    return jdbc.sql("select count(*), sum(case when status = 'EXCLUDED_NO_CONSENT' then 1 else 0 end),"
            + " sum(case when status = 'SENT' then 1 else 0 end), sum(case when status = 'FAILED' then 1 else 0 end),"
            + " sum(case when opted_out_at is not null then 1 else 0 end),"
            + " (select count(*) from campaign_reply p where p.campaign_id = ?)"
            + " from campaign_recipient where campaign_id = ?")
        .params(id, id)
        .query((rs, n) -> new Campaign.Counts(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
            rs.getLong(5), rs.getLong(6), 0, BigDecimal.ZERO))
        .single();
  }

  private Campaign campaign(ResultSet rs, int row) throws SQLException {
    Timestamp sendAt = rs.getTimestamp("send_at");
    Timestamp sentAt = rs.getTimestamp("sent_at");
    Timestamp closedAt = rs.getTimestamp("closed_at");
    return new Campaign(rs.getLong("id"), rs.getString("name"),
        CampaignRequest.Channel.valueOf(rs.getString("channel")),
        CampaignRequest.Purpose.valueOf(rs.getString("purpose")), rs.getString("subject"), rs.getString("body"),
        read(rs.getString("audience")), sendAt == null ? null : sendAt.toInstant(),
        Campaign.Status.valueOf(rs.getString("status")), rs.getString("created_by"), rs.getString("decided_by"),
        rs.getString("decision_note"), sentAt == null ? null : sentAt.toInstant(),
        closedAt == null ? null : closedAt.toInstant(), null);
  }

  private String write(Audience audience) {
    try {
      return json.writeValueAsString(audience);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private Audience read(String text) {
    try {
      return json.readValue(text, Audience.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("A stored audience cannot be read", e);
    }
  }

  private static Timestamp at(Instant instant) {
    return instant == null ? null : Timestamp.from(instant);
  }
}
