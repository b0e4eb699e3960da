package com.relais.crm.notification;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Following a deal from a page (the staff web app's follow button): the same subscription as
 * {@code POST /api/subscriptions}, with its checks (404 for an unknown deal, 403 for one the user may not read).
 */
@Component
public class Following {
  private final Subscriptions subscriptions;
  private final JdbcClient jdbc;

  Following(Subscriptions subscriptions, JdbcClient jdbc) {
    this.subscriptions = subscriptions;
    this.jdbc = jdbc;
  }

  /** Following, not muting: a muted deal is not "followed". */
  @Transactional(readOnly = true)
  public boolean followsDeal(String userId, long opportunityId) {
    return jdbc.sql("select count(*) from subscription where user_id = ? and opportunity_id = ? and muted = false")
        .params(userId, opportunityId).query(Long.class).single() > 0;
  }

  @Transactional
  public void followDeal(String userId, long opportunityId) {
    subscriptions.follow(userId, null, opportunityId);
  }

  /** Stops following; not following already is no error (a second click, a second tab). */
  @Transactional
  public void unfollowDeal(String userId, long opportunityId) {
    jdbc.sql("delete from subscription where user_id = ? and opportunity_id = ? and muted = false")
        .params(userId, opportunityId).update();
  }

  /** Who follows the deal, by user id, for the deal's page. */
  @Transactional(readOnly = true)
  public List<String> followersOfDeal(long opportunityId) {
    return jdbc.sql("select user_id from subscription where opportunity_id = ? and muted = false order by user_id")
        .param(opportunityId).query(String.class).list();
  }
}
