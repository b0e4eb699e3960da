package com.relais.crm.customer;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every customer as the day's contact plan reads them: a few columns each, read in one query, because the plan
 * weighs every customer every morning (100 000 entities through JPA would cost more than the rest of the build).
 */
@Component
public class ContactCards {
  private final JdbcClient jdbc;

  ContactCards(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** What the contact plan needs of a customer; {@code marketingConsent}: e-mail or SMS consent granted. */
  public record Card(long id, String name, String phone, String email, String category, String createdBy,
      boolean marketingConsent) {}

  private static final String COLUMNS =
      "select id, name, phone, email, category, created_by, email_consent, sms_consent from customer";

  @Transactional(readOnly = true)
  public List<Card> all() {
    return jdbc.sql(COLUMNS + " order by id").query(ContactCards::card).list();
  }

  @Transactional(readOnly = true)
  public Optional<Card> of(long customerId) {
    return jdbc.sql(COLUMNS + " where id = ?").param(customerId).query(ContactCards::card).optional();
  }

  private static Card card(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
    return new Card(rs.getLong("id"), rs.getString("name"), rs.getString("phone"), rs.getString("email"),
        rs.getString("category"), rs.getString("created_by"),
        rs.getBoolean("email_consent") || rs.getBoolean("sms_consent"));
  }
}
