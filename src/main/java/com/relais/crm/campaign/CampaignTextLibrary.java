package com.relais.crm.campaign;

import com.relais.crm.identity.CurrentUser;
import com.relais.crm.platform.InvalidFieldException;
import com.relais.crm.platform.NotFoundException;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import com.relais.crm.audit.AuditTrail;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The library of ready campaign texts admins keep, promotional and informational, by channel; a campaign starts from
 * one ({@code textId}) and may change its copy. Merge fields are checked like a campaign's.
 */
@Service
class CampaignTextLibrary {
  private final JdbcClient jdbc;
  private final CampaignTexts texts;
  private final CurrentUser currentUser;
  private final Clock clock;

  private final AuditTrail audit;

  CampaignTextLibrary(JdbcClient jdbc, CampaignTexts texts, CurrentUser currentUser, Clock clock, AuditTrail audit) {
    this.audit = audit;
    this.jdbc = jdbc;
    this.texts = texts;
    this.currentUser = currentUser;
    this.clock = clock;
  }

  record ReadyText(long id, String name, CampaignRequest.Channel channel, CampaignRequest.Purpose purpose,
      String subject, String text, boolean active) {}

  record ReadyTextRequest(@NotBlank @Size(max = 200) String name, @NotNull CampaignRequest.Channel channel,
      @NotNull CampaignRequest.Purpose purpose, @Size(max = 300) String subject, @NotBlank @Size(max = 6000) String text,
      Boolean active) {}

  @Transactional(readOnly = true)
  List<ReadyText> list() {
    return jdbc.sql("select * from campaign_text order by active desc, name").query(CampaignTextLibrary::text).list();
  }

  @Transactional(readOnly = true)
  ReadyText get(long id) {
    return jdbc.sql("select * from campaign_text where id = ?").param(id).query(CampaignTextLibrary::text).optional()
        .orElseThrow(() -> new NotFoundException("Campaign text", id));
  }

  @Transactional
  ReadyText add(ReadyTextRequest request) {
    check(request);
    var key = new org.springframework.jdbc.support.GeneratedKeyHolder();
    Timestamp now = Timestamp.from(clock.instant());
    jdbc.sql("insert into campaign_text (name, channel, purpose, subject, body, active, created_by, created_at,"
            + " updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(request.name().strip(), request.channel().name(), request.purpose().name(), request.subject(),
            request.text(), request.active() == null || request.active(), currentUser.id(), now, now)
        .update(key, "id");
    ReadyText added = get(key.getKey().longValue());
    audit.recordChange("campaign-text", added.id(), null, added);
    return added;
  }

  @Transactional
  ReadyText change(long id, ReadyTextRequest request) {
    ReadyText before = get(id);
    check(request);
    jdbc.sql("update campaign_text set name = ?, channel = ?, purpose = ?, subject = ?, body = ?, active = ?,"
            + " updated_at = ? where id = ?")
        .params(request.name().strip(), request.channel().name(), request.purpose().name(), request.subject(),
            request.text(), request.active() == null || request.active(), Timestamp.from(clock.instant()), id)
        .update();
    ReadyText changed = get(id);
    audit.recordChange("campaign-text", id, before, changed);
    return changed;
  }

  private void check(ReadyTextRequest request) {
    if (request.channel() == CampaignRequest.Channel.EMAIL && (request.subject() == null
        || request.subject().isBlank())) {
      throw new InvalidFieldException("subject", "subject: an e-mail needs one");
    }
    texts.check("subject", request.subject());
    texts.check("text", request.text());
  }

  private static ReadyText text(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
    return new ReadyText(rs.getLong("id"), rs.getString("name"), CampaignRequest.Channel.valueOf(
        rs.getString("channel")), CampaignRequest.Purpose.valueOf(rs.getString("purpose")), rs.getString("subject"),
        rs.getString("body"), rs.getBoolean("active"));
  }
}
