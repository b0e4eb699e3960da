package com.relais.crm.search;

import com.relais.crm.attachment.AttachmentService;
import com.relais.crm.communication.CommunicationService;
import com.relais.crm.customer.CustomerService;
import com.relais.crm.opportunity.OpportunityService;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Asks each capability for its own hits, so each applies its own visibility rules (private exchanges). One read-only
 * transaction for the four: one connection and one snapshot instead of four of each.
 */
@Service
public class QuickSearch {
  private final CustomerService customers;
  private final CommunicationService communications;
  private final AttachmentService attachments;
  private final OpportunityService deals;

  QuickSearch(CustomerService customers, CommunicationService communications, AttachmentService attachments,
      OpportunityService deals) {
    this.deals = deals;
    this.customers = customers;
    this.communications = communications;
    this.attachments = attachments;
  }

  @Transactional(readOnly = true)
  public SearchHits find(String q, int limit) {
    return new SearchHits(
        customers.matching(q, limit).stream().map(SearchHits.CustomerHit::of).toList(),
        communications.matching(q, limit).stream().map(SearchHits.CommunicationHit::of).toList(),
        attachments.matching(q, limit).stream().map(SearchHits.AttachmentHit::of).toList(),
        dealHits(q, limit));
  }

  private List<SearchHits.DealHit> dealHits(String q, int limit) {
    var found = deals.matching(q, limit);
    var names = deals.customerNamesOf(found);
    return found.stream().map(d -> SearchHits.DealHit.of(d, names.get(d.getCustomerId()))).toList();
  }
}
