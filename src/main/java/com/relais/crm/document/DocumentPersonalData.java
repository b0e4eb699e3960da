package com.relais.crm.document;

import com.relais.crm.attachment.RemovalAfterCommit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The documents generated for one customer's deals, for the erasure of their personal data (privacy module): a
 * delivery or reception note prints the customer's name and address, so it goes whole. The export reads them
 * through {@link DocumentService#ofDeal} and {@link DocumentService#content}.
 */
@Component
public class DocumentPersonalData {
  private final JdbcClient jdbc;
  private final RemovalAfterCommit removal;

  DocumentPersonalData(JdbcClient jdbc, RemovalAfterCommit removal) {
    this.jdbc = jdbc;
    this.removal = removal;
  }

  /**
   * Removes the deals' document rows in the caller's transaction and their PDFs from the store after it commits, so
   * that a rolled back erasure still has every file.
   *
   * @return how many documents were removed
   */
  @Transactional
  public int erase(Collection<Long> opportunityIds) {
    List<String> keys = new ArrayList<>();
    for (long deal : opportunityIds) {
      keys.addAll(jdbc.sql("select object_key from generated_document where opportunity_id = ?").param(deal)
          .query(String.class).list());
      jdbc.sql("delete from generated_document where opportunity_id = ?").param(deal).update();
    }
    removal.removeAfterCommit(keys);
    return keys.size();
  }
}
