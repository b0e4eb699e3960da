package com.relais.crm.opportunity;

import java.time.Instant;

/** Appends a line to a deal's stage history, with the step that moved the deal (see {@link StageHistoryAppendImpl}). */
public interface StageHistoryAppend {
  void append(long opportunityId, String from, String to, String who, Instant when);
}
