package com.relais.crm.opportunity;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

/** The stage history of deals; delivery stages are appended here too so one deal has one history. */
public interface StageHistory extends JpaRepository<StageChange, Long>, StageHistoryAppend {

  List<StageChange> findByOpportunityIdOrderByChangedAtAscIdAsc(long opportunityId);
}
