package com.relais.crm.opportunity;

import java.time.Instant;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

/** The stage history of deals; delivery stages are appended here too so one deal has one history. */
public interface StageHistory extends JpaRepository<StageChange, Long> {

  List<StageChange> findByOpportunityIdOrderByChangedAtAscIdAsc(long opportunityId);

  default StageChange append(long opportunityId, String from, String to, String who, Instant when) {
    return save(new StageChange(opportunityId, from, to, who, when));
  }
}
