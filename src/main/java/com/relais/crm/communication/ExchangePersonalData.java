package com.relais.crm.communication;

import com.relais.crm.platform.Mentions;
import java.util.List;
import java.util.Objects;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the exchange log holds on one customer, for the export and the erasure of their personal data (privacy
 * module). Both are an admin's acts on the whole record, so private exchanges are included and no visibility rule
 * applies here: the caller checks that an admin asks.
 */
@Component
public class ExchangePersonalData {
  private static final int BATCH = 500;

  private final CommunicationRepository communications;
  private final JdbcClient jdbc;

  ExchangePersonalData(CommunicationRepository communications, JdbcClient jdbc) {
    this.communications = communications;
    this.jdbc = jdbc;
  }

  /**
   * The customer's exchanges with an id above {@code afterId}, at most {@code limit}, in id order: the next page
   * starts after the last id of this one, so a customer with years of exchanges is read a page at a time.
   */
  @Transactional(readOnly = true)
  public List<CommunicationView> after(long customerId, long afterId, int limit) {
    Specification<Communication> page = CommunicationRepository.ofCustomer(customerId)
        .and((root, query, cb) -> cb.greaterThan(root.<Long>get("id"), afterId));
    List<Communication> rows = communications.findBy(page, query -> query.sortBy(Sort.by("id")).limit(limit).all());
    return rows.stream().map(CommunicationView::of).toList();
  }

  /** The ids of all the customer's exchanges (an erasure erases each one's audit values). */
  @Transactional(readOnly = true)
  public List<Long> idsOf(long customerId) {
    return jdbc.sql("select id from communication where customer_id = ? order by id").param(customerId)
        .query(Long.class).list();
  }

  /**
   * Replaces every mention of the person in the subject and details of the customer's exchanges, written with SQL
   * so that the audit does not record the text being erased. The version is raised as JPA would.
   *
   * @return how many exchanges changed
   */
  @Transactional
  public int eraseMentions(long customerId, Mentions mentions) {
    if (mentions.isEmpty()) {
      return 0;
    }
    int changed = 0;
    long after = 0;
    while (true) {
      List<Text> batch = jdbc.sql("select id, subject, details from communication where customer_id = ? and id > ?"
              + " order by id limit ?")
          .params(customerId, after, BATCH)
          .query((rs, n) -> new Text(rs.getLong(1), rs.getString(2), rs.getString(3))).list();
      for (Text row : batch) {
        String subject = mentions.erasedFrom(row.subject());
        String details = mentions.erasedFrom(row.details());
        if (!Objects.equals(subject, row.subject()) || !Objects.equals(details, row.details())) {
          jdbc.sql("update communication set subject = ?, details = ?, version = version + 1 where id = ?")
              .params(clip(subject, 300), details == null ? null : clip(details, 10000), row.id()).update();
          changed++;
        }
      }
      if (batch.size() < BATCH) {
        return changed;
      }
      after = batch.get(batch.size() - 1).id();
    }
  }

  private record Text(long id, String subject, String details) {}

  /** "[erased]" is longer than a short e-mail address: a full column must still take the text. */
  private static String clip(String text, int length) {
    return text.length() <= length ? text : text.substring(0, length);
  }
}
