package com.relais.crm.delivery;

import com.relais.crm.platform.Mentions;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a delivery holds on the customer's person, for the erasure of their personal data (privacy module): the
 * comment written at reception may name them, and its own place (another site of theirs) says where they are, as
 * the customer's coordinates do. Stages, costs and dates stay. The export reads deliveries through
 * {@link DeliveryService#find}.
 */
@Component
public class DeliveryPersonalData {
  private final JdbcClient jdbc;

  DeliveryPersonalData(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The deliveries of these deals, by their own ids (the audit files a delivery's changes under it). */
  @Transactional(readOnly = true)
  public List<Long> idsOf(Collection<Long> opportunityIds) {
    List<Long> ids = new ArrayList<>();
    for (long deal : opportunityIds) {
      jdbc.sql("select id from delivery where opportunity_id = ?").param(deal).query(Long.class).optional()
          .ifPresent(ids::add);
    }
    return ids;
  }

  /**
   * Replaces the person's mentions in the reception comments of these deals' deliveries, and clears their own place
   * (with SQL: the audit does not record the text being erased; the version is raised as JPA would).
   *
   * @return how many deliveries changed
   */
  @Transactional
  public int eraseMentions(Collection<Long> opportunityIds, Mentions mentions) {
    int changed = 0;
    for (long deal : opportunityIds) {
      boolean placed = jdbc.sql("update delivery set latitude = null, longitude = null, version = version + 1"
              + " where opportunity_id = ? and (latitude is not null or longitude is not null)")
          .param(deal).update() > 0;
      String comment = jdbc.sql("select reception_comment from delivery where opportunity_id = ?").param(deal)
          .query(String.class).optional().orElse(null);
      String erased = mentions.erasedFrom(comment);
      if (comment != null && !erased.equals(comment)) {
        jdbc.sql("update delivery set reception_comment = ?, version = version + 1 where opportunity_id = ?")
            .params(erased.length() <= 2000 ? erased : erased.substring(0, 2000), deal).update();
        changed++;
      } else if (placed) {
        changed++;
      }
    }
    return changed;
  }
}
