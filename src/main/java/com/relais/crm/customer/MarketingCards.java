package com.relais.crm.customer;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every customer as a campaign's audience reads them, in one query: who they are, how they came to us, and on
 * which channels they agreed to hear from us or said no. A consent never given is not an opt-out: a service
 * message still reaches that customer; one withdrawn is.
 */
@Component
public class MarketingCards {
  private final JdbcClient jdbc;

  MarketingCards(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public record Card(long id, String name, String email, String phone, String category, String acquisitionSource,
      boolean emailGranted, boolean emailOptedOut, boolean smsGranted, boolean smsOptedOut) {}

  private static final String COLUMNS = "select id, name, email, phone, category, acquisition_source, email_consent,"
      + " email_consent_at, sms_consent, sms_consent_at from customer";

  @Transactional(readOnly = true)
  public List<Card> all() {
    return jdbc.sql(COLUMNS + " order by id").query(MarketingCards::card).list();
  }

  /** The customer as they are now: a campaign checks consent again at the moment of sending. */
  @Transactional(readOnly = true)
  public Optional<Card> of(long customerId) {
    return jdbc.sql(COLUMNS + " where id = ?").param(customerId).query(MarketingCards::card).optional();
  }

  /**
   * The customers with this phone number, however it was typed ("+33 6 12-34.56 78" is +33612345678): an SMS reply
   * names only its number.
   */
  @Transactional(readOnly = true)
  public List<Long> withPhone(String e164) {
    String digits = e164.replaceAll("[^0-9+]", "");
    return jdbc.sql("select id from customer where phone is not null and replace(replace(replace(replace(replace("
            + "phone, ' ', ''), '.', ''), '-', ''), '(', ''), ')', '') = ? order by id")
        .param(digits).query(Long.class).list();
  }

  /** The customers with this e-mail address (stored lower-case). */
  @Transactional(readOnly = true)
  public List<Long> withEmail(String email) {
    return jdbc.sql("select id from customer where email = ? order by id").param(email.strip().toLowerCase())
        .query(Long.class).list();
  }

  /** The customers created in [from, to), by acquisition source: who the marketing brought in that period. */
  @Transactional(readOnly = true)
  public java.util.Map<String, List<Long>> acquiredBetween(java.time.Instant from, java.time.Instant to) {
    java.util.Map<String, List<Long>> bySource = new java.util.TreeMap<>();
    jdbc.sql("select acquisition_source, id from customer where created_at >= ? and created_at < ?")
        .params(java.sql.Timestamp.from(from), java.sql.Timestamp.from(to))
        .query(rs -> {
          bySource.computeIfAbsent(rs.getString(1), s -> new java.util.ArrayList<>()).add(rs.getLong(2));
        });
    return bySource;
  }

  private static Card card(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
    boolean email = rs.getBoolean("email_consent");
    boolean sms = rs.getBoolean("sms_consent");
    return new Card(rs.getLong("id"), rs.getString("name"), rs.getString("email"), rs.getString("phone"),
        rs.getString("category"), rs.getString("acquisition_source"), email,
        !email && rs.getObject("email_consent_at") != null, sms, !sms && rs.getObject("sms_consent_at") != null);
  }
}
