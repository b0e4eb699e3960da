package com.relais.crm.opportunity;

import com.relais.crm.platform.Mentions;
import java.util.List;
import java.util.Objects;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the deals hold on one customer's person, for the erasure of their personal data (privacy module): a title
 * naming them ("Shelving for Anna Marchetti"), the name the delivery note was signed with, what staff wrote in the
 * stage forms. Amounts, stages and dates stay: the reports count them. The export reads the deals through
 * {@link OpportunityService}.
 */
@Component
public class DealPersonalData {
  private final JdbcClient jdbc;

  DealPersonalData(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The ids of every deal of the customer, oldest first. */
  @Transactional(readOnly = true)
  public List<Long> idsOf(long customerId) {
    return jdbc.sql("select id from opportunity where customer_id = ? order by id").param(customerId)
        .query(Long.class).list();
  }

  /**
   * Replaces the person's mentions in the titles and stage comments of the customer's deals, and the signer's name
   * of a signed delivery note (a person's name whatever it says). Written with SQL, so that the audit does not
   * record the text being erased; the version is raised as JPA would.
   *
   * @return how many deals and comments changed
   */
  @Transactional
  public int eraseMentions(long customerId, Mentions mentions) {
    int changed = 0;
    List<DealText> deals = jdbc.sql("select id, title, delivery_note_signed_by from opportunity where customer_id = ?")
        .param(customerId).query((rs, n) -> new DealText(rs.getLong(1), rs.getString(2), rs.getString(3))).list();
    for (DealText deal : deals) {
      String title = mentions.erasedFrom(deal.title());
      String signedBy = deal.signedBy() == null ? null : Mentions.ERASED;
      if (!Objects.equals(title, deal.title()) || !Objects.equals(signedBy, deal.signedBy())) {
        jdbc.sql("update opportunity set title = ?, delivery_note_signed_by = ?, version = version + 1 where id = ?")
            .params(clip(title, 200), signedBy, deal.id()).update();
        changed++;
      }
    }
    List<CommentText> comments = jdbc.sql("select sc.id, sc.comment, sc.task_name from stage_comment sc"
            + " join opportunity o on o.id = sc.opportunity_id where o.customer_id = ?")
        .param(customerId).query((rs, n) -> new CommentText(rs.getLong(1), rs.getString(2), rs.getString(3))).list();
    for (CommentText comment : comments) {
      String text = mentions.erasedFrom(comment.comment());
      String task = mentions.erasedFrom(comment.taskName());
      if (!Objects.equals(text, comment.comment()) || !Objects.equals(task, comment.taskName())) {
        jdbc.sql("update stage_comment set comment = ?, task_name = ? where id = ?")
            .params(clip(text, 4000), task == null ? null : clip(task, 200), comment.id()).update();
        changed++;
      }
    }
    return changed;
  }

  private record DealText(long id, String title, String signedBy) {}

  private record CommentText(long id, String comment, String taskName) {}

  private static String clip(String text, int length) {
    return text.length() <= length ? text : text.substring(0, length);
  }
}
