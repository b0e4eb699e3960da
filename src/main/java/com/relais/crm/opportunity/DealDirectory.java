package com.relais.crm.opportunity;

import com.relais.crm.deal.DealLookup;
import com.relais.crm.platform.NotFoundException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Answers the modules below the deals (exchanges, attachments, documents) what they may ask about a deal. */
@Component
class DealDirectory implements DealLookup {
  private final OpportunityRepository opportunities;
  private final DealReadPolicy readPolicy;

  DealDirectory(OpportunityRepository opportunities, DealReadPolicy readPolicy) {
    this.opportunities = opportunities;
    this.readPolicy = readPolicy;
  }

  @Override
  @Transactional(readOnly = true)
  public long customerOf(long opportunityId) {
    return opportunities.findById(opportunityId).map(Opportunity::getCustomerId)
        .orElseThrow(() -> new NotFoundException("Opportunity", opportunityId));
  }

  @Override
  public void requireReadable(long opportunityId, String... workingGroups) {
    readPolicy.requireReadable(opportunityId, workingGroups);
  }
}
