package com.relais.crm.search;

import com.relais.crm.attachment.Attachment;
import com.relais.crm.attachment.OwnerType;
import com.relais.crm.communication.Communication;
import com.relais.crm.customer.Customer;
import com.relais.crm.opportunity.Opportunity;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** Hits grouped by kind, each just enough to show a line and open the record. */
public record SearchHits(List<CustomerHit> customers, List<CommunicationHit> communications,
    List<AttachmentHit> attachments, List<DealHit> deals) {

  public record DealHit(long id, String title, long customerId, String customerName, BigDecimal amount, String currency,
      String stage) {
    public static DealHit of(Opportunity d, String customerName) {
      return new DealHit(d.getId(), d.getTitle(), d.getCustomerId(), customerName, d.getAmount(), d.getCurrency(),
          d.getStage().name());
    }
  }

  public record CustomerHit(long id, String name, String email) {
    public static CustomerHit of(Customer c) {
      return new CustomerHit(c.getId(), c.getName(), c.getEmail());
    }
  }

  public record CommunicationHit(long id, String type, String subject, Instant start, Long customerId) {
    public static CommunicationHit of(Communication c) {
      return new CommunicationHit(c.getId(), c.getType(), c.getSubject(), c.getStartsAt(), c.getCustomerId());
    }
  }

  public record AttachmentHit(long id, String fileName, String contentType, OwnerType ownerType, long ownerId) {
    public static AttachmentHit of(Attachment a) {
      return new AttachmentHit(a.getId(), a.getFileName(), a.getContentType(), a.getOwnerType(), a.getOwnerId());
    }
  }
}
