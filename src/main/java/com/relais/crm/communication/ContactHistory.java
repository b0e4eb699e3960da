package com.relais.crm.communication;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the exchange log says about contacts with customers, for the day's contact plan and its report. A contact is
 * an exchange of a {@link #CONTACT_TYPES contact type} in a status whose outcome is DONE, logged by a person: a note
 * or a planned call is not a contact, and neither is a campaign's mail, which the service logs on its own.
 */
@Component
public class ContactHistory {
  /** The exchange types by which someone talked or wrote to the customer. */
  public static final Set<String> CONTACT_TYPES = Set.of("CALL", "LETTER", "MEETING", "EMAIL", "SMS");

  private static final String DONE_CONTACT = " from communication c join communication_catalogue s"
      + " on s.kind = 'STATUS' and s.code = c.status and s.outcome = 'DONE'"
      + " where c.type in (:types) and c.author <> '" + com.relais.crm.identity.CurrentUser.SYSTEM + "'";

  private final JdbcClient jdbc;
  private final ExchangeCatalogue catalogue;

  ContactHistory(JdbcClient jdbc, ExchangeCatalogue catalogue) {
    this.jdbc = jdbc;
    this.catalogue = catalogue;
  }

  /** Customer id to the time of their last contact; customers never contacted are absent. One grouped query. */
  @Transactional(readOnly = true)
  public Map<Long, Instant> lastContactByCustomer() {
    Map<Long, Instant> last = new HashMap<>();
    jdbc.sql("select c.customer_id, max(c.starts_at)" + DONE_CONTACT + " and c.customer_id is not null"
            + " group by c.customer_id")
        .param("types", CONTACT_TYPES)
        .query(rs -> {
          last.put(rs.getLong(1), rs.getObject(2, java.time.OffsetDateTime.class).toInstant());
        });
    return last;
  }

  /** The customer's last {@code count} exchanges that are not private, a line each, newest first. */
  @Transactional(readOnly = true)
  public List<String> recent(long customerId, int count) {
    return jdbc.sql("select starts_at, type, status, subject from communication"
            + " where customer_id = ? and private_entry = false order by starts_at desc limit ?")
        .params(customerId, count)
        .query((rs, n) -> rs.getObject(1, java.time.OffsetDateTime.class).withOffsetSameInstant(ZoneOffset.UTC)
            .toLocalDate() + " · " + rs.getString(2) + " · " + rs.getString(3) + " · " + rs.getString(4))
        .list();
  }

  /** The done contacts these people logged in [from, to): author to exchange ids. */
  @Transactional(readOnly = true)
  public Map<String, Set<Long>> doneContactsBy(Collection<String> authors, Instant from, Instant to) {
    Map<String, Set<Long>> byAuthor = new HashMap<>();
    if (authors.isEmpty()) {
      return byAuthor;
    }
    jdbc.sql("select c.author, c.id" + DONE_CONTACT + " and c.author in (:authors)"
            + " and c.starts_at >= :from and c.starts_at < :to")
        .param("types", CONTACT_TYPES).param("authors", authors)
        .param("from", java.sql.Timestamp.from(from)).param("to", java.sql.Timestamp.from(to))
        .query(rs -> {
          byAuthor.computeIfAbsent(rs.getString(1), a -> new HashSet<>()).add(rs.getLong(2));
        });
    return byAuthor;
  }

  /** Whether a new exchange may be logged with this type now (it is in the catalogue and not retired). */
  public boolean isSelectableType(String code) {
    try {
      catalogue.requireSelectable(CatalogueKind.TYPE, code);
      return true;
    } catch (com.relais.crm.platform.InvalidFieldException notSelectable) {
      return false;
    }
  }

}
