package com.relais.crm.opportunity;

import com.relais.crm.platform.WrittenAtCommit;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * The stage history's lines are written at the commit of the step that moved the deal, in one batch with the
 * step's other lines (the win's step writes the sale's last stage and the delivery's first): a deal writes about
 * fifteen, and as JPA entities with database identities each was an insert of its own with the ORM's bookkeeping
 * around it. Nothing reads the history inside the step that appends to it (the API, reports and timeline read
 * committed lines). A Spring Data fragment, so callers keep calling {@link StageHistory#append}.
 */
class StageHistoryAppendImpl implements StageHistoryAppend {
  private static final String INSERT = "insert into stage_change (opportunity_id, from_stage, to_stage, changed_by,"
      + " changed_at) values (?, ?, ?, ?, ?)";

  private final WrittenAtCommit atCommit;

  StageHistoryAppendImpl(WrittenAtCommit atCommit) {
    this.atCommit = atCommit;
  }

  @Override
  public void append(long opportunityId, String from, String to, String who, Instant when) {
    atCommit.insert(INSERT, opportunityId, from, to, who, OffsetDateTime.ofInstant(when, ZoneOffset.UTC));
  }
}
