package com.relais.crm.opportunity;

import com.relais.crm.identity.StaffGroups;
import com.relais.crm.identity.CurrentUser;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who may read a deal (its opportunity, customer and exchanges): the sales side and admins always, anyone else only
 * with a grant, which assigning them one of the deal's tasks records.
 */
@Service
public class DealAccess {
  
  private final JdbcClient jdbc;
  private final Clock clock;

  DealAccess(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  @Transactional(readOnly = true)
  public boolean canRead(long opportunityId, String userId, Set<String> groups) {
    if (groups.stream().anyMatch(StaffGroups.SALES_SIDE::contains)) {
      return true;
    }
    return jdbc.sql("select count(*) from deal_access_grant where opportunity_id = ? and user_id = ?")
        .params(opportunityId, userId).query(Long.class).single() > 0;
  }

  @Transactional(readOnly = true)
  public List<AccessGrant> grantsOf(long opportunityId) {
    return jdbc.sql("select id, opportunity_id, user_id, granted_by, granted_at, reason from deal_access_grant"
            + " where opportunity_id = ? order by granted_at, id")
        .param(opportunityId)
        .query((rs, n) -> new AccessGrant(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
            rs.getObject(5, OffsetDateTime.class).toInstant(), rs.getString(6)))
        .list();
  }

  /** Records a grant; a user who already holds one for the deal gets no second row. */
  @Transactional
  public void grant(long opportunityId, String userId, String grantedBy, String reason) {
    long existing = jdbc.sql("select count(*) from deal_access_grant where opportunity_id = ? and user_id = ?")
        .params(opportunityId, userId).query(Long.class).single();
    if (existing > 0) {
      return;
    }
    jdbc.sql("insert into deal_access_grant (opportunity_id, user_id, granted_by, granted_at, reason)"
            + " values (?, ?, ?, ?, ?)")
        .params(opportunityId, userId, grantedBy, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC), reason)
        .update();
  }
}
