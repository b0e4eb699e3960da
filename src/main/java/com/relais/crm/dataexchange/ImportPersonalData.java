package com.relais.crm.dataexchange;

import com.relais.crm.platform.Mentions;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the imports keep of a person: the rows of the files that named them, as they were read (a rejected row as
 * much as an imported one), and the values an update replaced. An erasure empties those rows; the import's counts
 * stay.
 */
@Component
public class ImportPersonalData {
  private final JdbcTemplate jdbc;

  ImportPersonalData(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Empties the staged rows that wrote this customer or mention one of their values (an e-mail, a phone, the name).
   * @return rows emptied
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public int erase(long customerId, Mentions mentions) {
    StringBuilder where = new StringBuilder("customer_id = ?");
    List<Object> args = new ArrayList<>();
    args.add(customerId);
    for (String pattern : mentions.likePatterns()) {
      where.append(" or lower(columns_json) like ? escape '\\'");
      args.add(pattern);
    }
    return jdbc.update("update data_import_row set columns_json = '[]', previous_json = null, email_key = null,"
        + " phone_key = null, name_key = null, reason = case when reason is null then null else '"
        + Mentions.ERASED + "' end where " + where, args.toArray());
  }
}
