package com.relais.crm.privacy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The proof that an erasure happened (table erasure_record, V36): the customer, who asked, when, and the counts.
 * It must never hold what was erased, so the counts are the only free field and hold numbers only.
 */
@Repository
class ErasureRecords {
  private final JdbcClient jdbc;
  private final ObjectMapper json;

  ErasureRecords(JdbcClient jdbc, ObjectMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  /** An erasure as GET /api/customers/{id}/erasure shows it. */
  record ErasureRecord(long id, long customerId, String erasedBy, Instant erasedAt, JsonNode counts) {}

  void add(ErasureSummary summary) {
    String counts;
    try {
      counts = json.writeValueAsString(summary.counts());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Counts of numbers are always JSON", e);
    }
    jdbc.sql("insert into erasure_record (customer_id, erased_by, erased_at, counts) values (?, ?, ?, ?)")
        .params(summary.customerId(), summary.erasedBy(), OffsetDateTime.ofInstant(summary.erasedAt(), ZoneOffset.UTC),
            counts)
        .update();
  }

  /** The customer's latest erasure (an erasure may be run again for what was added since). */
  Optional<ErasureRecord> latestOf(long customerId) {
    return jdbc.sql("select id, customer_id, erased_by, erased_at, counts from erasure_record where customer_id = ?"
            + " order by erased_at desc, id desc limit 1")
        .param(customerId)
        .query((rs, n) -> new ErasureRecord(rs.getLong(1), rs.getLong(2), rs.getString(3),
            rs.getObject(4, OffsetDateTime.class).toInstant(), counts(rs.getString(5))))
        .optional();
  }

  private JsonNode counts(String text) {
    try {
      return json.readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("erasure_record.counts is not JSON: " + e.getOriginalMessage(), e);
    }
  }
}
