package com.relais.crm.support;

import com.relais.crm.platform.Mentions;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What support cases hold on the customer's person, for the erasure of their personal data (privacy module): the
 * reason of a refused delivery and the resolution notes may name them. Status, priority and dates stay. The export
 * reads the cases through {@link SupportCaseService#ofDeal}.
 */
@Component
public class SupportPersonalData {
  private final JdbcClient jdbc;

  SupportPersonalData(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Replaces the person's mentions in the cases of these deals (with SQL: the audit does not record the text being
   * erased; the version is raised as JPA would).
   *
   * @return how many cases changed
   */
  @Transactional
  public int eraseMentions(Collection<Long> opportunityIds, Mentions mentions) {
    int changed = 0;
    for (long deal : opportunityIds) {
      List<CaseText> cases = jdbc.sql("select id, reason, resolution_notes from support_case where opportunity_id = ?")
          .param(deal).query((rs, n) -> new CaseText(rs.getLong(1), rs.getString(2), rs.getString(3))).list();
      for (CaseText supportCase : cases) {
        String reason = mentions.erasedFrom(supportCase.reason());
        String notes = mentions.erasedFrom(supportCase.notes());
        if (!Objects.equals(reason, supportCase.reason()) || !Objects.equals(notes, supportCase.notes())) {
          jdbc.sql("update support_case set reason = ?, resolution_notes = ?, version = version + 1 where id = ?")
              .params(clip(reason, 2000), clip(notes, 4000), supportCase.id()).update();
          changed++;
        }
      }
    }
    return changed;
  }

  private record CaseText(long id, String reason, String notes) {}

  private static String clip(String text, int length) {
    return text == null || text.length() <= length ? text : text.substring(0, length);
  }
}
