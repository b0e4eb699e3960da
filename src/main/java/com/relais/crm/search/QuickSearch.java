package com.relais.crm.search;

import com.relais.crm.attachment.AttachmentService;
import com.relais.crm.communication.CommunicationService;
import com.relais.crm.customer.CustomerService;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;

/** Asks each capability for its own hits, so each applies its own visibility rules (private exchanges). */
@Service
class QuickSearch {
  private final CustomerService customers;
  private final CommunicationService communications;
  private final AttachmentService attachments;

  QuickSearch(CustomerService customers, CommunicationService communications, AttachmentService attachments) {
    this.customers = customers;
    this.communications = communications;
    this.attachments = attachments;
  }

  SearchHits find(String q, int limit) {
    return new SearchHits(
        customers.search(q, null, PageRequest.of(0, limit, Sort.by("name"))).map(SearchHits.CustomerHit::of)
            .getContent(),
        communications.matching(q, PageRequest.of(0, limit, Sort.by(Sort.Direction.DESC, "startsAt")))
            .map(SearchHits.CommunicationHit::of).getContent(),
        attachments.matching(q, limit).stream().map(SearchHits.AttachmentHit::of).toList());
  }
}
