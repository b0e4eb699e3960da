package com.relais.crm.web;

import com.relais.crm.communication.CommunicationDetails;
import com.relais.crm.communication.CommunicationService;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Logs an exchange once per key the device made: the offline queue may send the same exchange twice (the page when
 * the network returns, the service worker's sync, a retry after a lost answer), and the second is answered with the
 * first's id. The key row and the exchange are one transaction; two sends at the very same moment meet the key's
 * primary key, and the loser's transaction (exchange included) is rolled back, so there is still one.
 */
@Component
class ExchangeSubmissions {
  private final CommunicationService communications;
  private final JdbcClient jdbc;
  private final Clock clock;

  ExchangeSubmissions(CommunicationService communications, JdbcClient jdbc, Clock clock) {
    this.communications = communications;
    this.jdbc = jdbc;
    this.clock = clock;
  }

  record Logged(long communicationId, boolean created) {}

  /** A key is the author's own: another person's key is a new exchange of theirs, never a peek at someone's. */
  @Transactional
  Logged log(String clientKey, String author, CommunicationDetails details) {
    if (clientKey != null) {
      Optional<Long> earlier = jdbc.sql("select communication_id from web_exchange_submission"
              + " where client_key = ? and author = ?").params(clientKey, author).query(Long.class).optional();
      if (earlier.isPresent()) {
        return new Logged(earlier.get(), false);
      }
    }
    long id = communications.create(details).getId();
    if (clientKey != null) {
      jdbc.sql("insert into web_exchange_submission (client_key, communication_id, author, received_at)"
              + " values (?, ?, ?, ?)")
          .params(clientKey, id, author, Timestamp.from(clock.instant())).update();
    }
    return new Logged(id, true);
  }
}
