package com.relais.crm.attachment;

import com.relais.crm.customer.CustomerReferences;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Files attached to a customer hold its removal back: their owner is a plain id, no foreign key would. */
@Component
class AttachmentsOfCustomers implements CustomerReferences {
  private final JdbcClient jdbc;

  AttachmentsOfCustomers(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public String referencesTo(long customerId) {
    long files = jdbc.sql("select count(*) from attachment where owner_type = ? and owner_id = ?")
        .params(OwnerType.CUSTOMER.name(), customerId).query(Long.class).single();
    return files == 0 ? null : files + " file(s)";
  }
}
