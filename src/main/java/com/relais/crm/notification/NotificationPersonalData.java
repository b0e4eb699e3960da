package com.relais.crm.notification;

import com.relais.crm.platform.LikePattern;
import com.relais.crm.platform.Mentions;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the notifications hold on one customer's person, for the export and the erasure of their personal data
 * (privacy module): the texts of on-screen notifications about the customer or their deals, and the lines waiting
 * for (or kept from) a daily digest, which name the customer without saying which one. The Tasklist tasks a
 * notification raised belong to the engine's history of the deal and are erased there.
 */
@Component
public class NotificationPersonalData {
  private final JdbcClient jdbc;

  NotificationPersonalData(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Every user's notifications about the customer or one of these deals, oldest first. */
  @Transactional(readOnly = true)
  public List<Notification> about(long customerId, Collection<Long> opportunityIds) {
    return jdbc.sql("select id, user_id, kind, text, opportunity_id, customer_id, link, created_at, read_at"
            + " from notification where " + aboutPerson(opportunityIds) + " order by created_at, id")
        .param("customerId", customerId).param("deals", List.copyOf(opportunityIds))
        .query(Notifications::row).list();
  }

  /**
   * Replaces the person's mentions in the texts of the notifications about them and in every digest line naming
   * them (found by a first filter in SQL, then checked exactly).
   *
   * @return how many notifications and digest lines changed
   */
  @Transactional
  public int eraseMentions(long customerId, Collection<Long> opportunityIds, Mentions mentions) {
    if (mentions.isEmpty()) {
      return 0;
    }
    int changed = 0;
    List<Text> notes = jdbc.sql("select id, text from notification where " + aboutPerson(opportunityIds))
        .param("customerId", customerId).param("deals", List.copyOf(opportunityIds))
        .query((rs, n) -> new Text(rs.getLong(1), rs.getString(2))).list();
    for (Text note : notes) {
      if (mentions.foundIn(note.text())) {
        jdbc.sql("update notification set text = ? where id = ?")
            .params(clip(mentions.erasedFrom(note.text()), 1000), note.id()).update();
        changed++;
      }
    }
    List<String> conditions = new ArrayList<>();
    List<Object> patterns = new ArrayList<>();
    for (String pattern : mentions.likePatterns()) {
      conditions.add("lower(text) like ? escape '" + LikePattern.ESCAPE + "'");
      patterns.add(pattern);
    }
    List<Text> lines = jdbc.sql("select id, text from digest_item where " + String.join(" or ", conditions))
        .params(patterns).query((rs, n) -> new Text(rs.getLong(1), rs.getString(2))).list();
    for (Text line : lines) {
      if (mentions.foundIn(line.text())) {
        jdbc.sql("update digest_item set text = ? where id = ?")
            .params(clip(mentions.erasedFrom(line.text()), 2000), line.id()).update();
        changed++;
      }
    }
    return changed;
  }

  /** Binds :customerId, and :deals when there are deals (an empty "in ()" is not SQL). */
  private static String aboutPerson(Collection<Long> opportunityIds) {
    return "(customer_id = :customerId" + (opportunityIds.isEmpty() ? "" : " or opportunity_id in (:deals)") + ")";
  }

  private record Text(long id, String text) {}

  private static String clip(String text, int length) {
    return text.length() <= length ? text : text.substring(0, length);
  }
}
