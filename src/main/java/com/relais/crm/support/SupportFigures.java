package com.relais.crm.support;

import com.relais.crm.platform.ScanReads;
import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What reports ask of the support cases for a period: how many were opened and how many resolved in it. Read through
 * platform's {@link ScanReads}: on the read replica when one is set and close enough behind the primary.
 */
@Component
public class SupportFigures {
  private final ScanReads scans;

  SupportFigures(ScanReads scans) {
    this.scans = scans;
  }

  /** Cases opened in the period, and cases resolved in it (whenever they were opened). */
  public record Cases(long opened, long resolved) {}

  @Transactional(readOnly = true)
  public Cases in(Instant from, Instant to) {
    return scans.read(on -> on.client().sql("select (select count(*) from support_case"
            + " where opened_at >= :from and opened_at < :to),"
            + " (select count(*) from support_case where resolved_at >= :from and resolved_at < :to)")
        .param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
        .query((rs, n) -> new Cases(rs.getLong(1), rs.getLong(2)))
        .single());
  }
}
