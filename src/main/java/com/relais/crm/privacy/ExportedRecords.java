package com.relais.crm.privacy;

import com.relais.crm.audit.AuditChange;
import com.relais.crm.campaign.CampaignPersonalData;
import com.relais.crm.contact.ContactPersonalData;
import com.relais.crm.customer.Customer;
import com.relais.crm.customer.Consent;
import com.relais.crm.delivery.Delivery;
import com.relais.crm.opportunity.Opportunity;
import com.relais.crm.opportunity.OpportunityView.StageChangeView;
import com.relais.crm.opportunity.OpportunityView.StageCommentView;
import com.relais.crm.support.SupportCase;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The records of the export as they appear in its JSON files: plain values, no entity leaves its module. */
final class ExportedRecords {
  private ExportedRecords() {}

  /** customer.json: the record with both consents, and every recorded change of it (the consents' history too). */
  record CustomerFile(CustomerRecord customer, List<AuditChange> history) {
    static CustomerFile of(Customer c, List<AuditChange> history) {
      return new CustomerFile(new CustomerRecord(c.getId(), c.getName(), c.getEmail(), c.getPhone(), c.getAddress(),
          c.getCategory(), c.getAcquisitionSource() == null ? null : c.getAcquisitionSource().name(),
          ConsentRecord.of(c.getEmailConsent()), ConsentRecord.of(c.getSmsConsent()), c.getCreatedBy(),
          c.getCreatedAt(), c.getUpdatedAt()), history);
    }
  }

  record CustomerRecord(long id, String name, String email, String phone, String address, String category,
      String acquisitionSource, ConsentRecord emailConsent, ConsentRecord smsConsent, String createdBy,
      Instant createdAt, Instant updatedAt) {}

  /** A consent as it stands: given or not, when and how it last changed. */
  record ConsentRecord(boolean granted, Instant changedAt, String source) {
    static ConsentRecord of(Consent consent) {
      return consent == null ? null : new ConsentRecord(consent.granted(), consent.changedAt(), consent.source());
    }
  }

  /** One deal of deals.json, with its stage history, its stage comments and its delivery. */
  record DealRecord(long id, String title, BigDecimal amount, String currency, String owner, String stage,
      LocalDate expectedCloseDate, String deliveryNoteSignedBy, Instant deliveryNoteSignedAt, Instant createdAt,
      Instant updatedAt, List<StageChangeView> stageHistory, List<StageCommentView> comments,
      DeliveryRecord delivery) {
    static DealRecord of(Opportunity deal, List<StageChangeView> history, List<StageCommentView> comments,
        DeliveryRecord delivery) {
      return new DealRecord(deal.getId(), deal.getTitle(), deal.getAmount(), deal.getCurrency(), deal.getOwner(),
          deal.getStage().name(), deal.getExpectedCloseDate(), deal.getDeliveryNoteSignedBy(),
          deal.getDeliveryNoteSignedAt(), deal.getCreatedAt(), deal.getUpdatedAt(), history, comments, delivery);
    }
  }

  record DeliveryRecord(String stage, String transport, boolean simplified, BigDecimal carrierQuote,
      BigDecimal transportCost, String paymentReference, String receptionOutcome, String receptionComment,
      Long supportCaseId, Double latitude, Double longitude, Instant updatedAt) {
    static DeliveryRecord of(Delivery d) {
      return new DeliveryRecord(d.getStage().name(), d.getTransport(), d.isSimplified(), d.getCarrierQuote(),
          d.getTransportCost(), d.getPaymentReference(), d.getReceptionOutcome(), d.getReceptionComment(),
          d.getSupportCaseId(), d.getLatitude(), d.getLongitude(), d.getUpdatedAt());
    }
  }

  /** One case of support-cases.json. */
  record SupportCaseRecord(long id, long opportunityId, String reason, String status, String priority,
      String resolution, String resolutionNotes, boolean escalated, Instant openedAt, Instant resolvedAt) {
    static SupportCaseRecord of(SupportCase c) {
      return new SupportCaseRecord(c.getId(), c.getOpportunityId(), c.getReason(), c.getStatus().name(),
          c.getPriority(), c.getResolution(), c.getResolutionNotes(), c.isEscalated(), c.getOpenedAt(),
          c.getResolvedAt());
    }
  }

  /** plan-items.json: the customer's work plan, the days they were on a contact list, their follow-ups. */
  record PlanFile(List<ContactPersonalData.PlannedAction> planItems,
      List<ContactPersonalData.ListedContact> contactLists, List<ContactPersonalData.FollowUp> followUps) {}

  /** campaigns.json: the campaigns sent to the customer, their replies, their sign-ups. */
  record CampaignsFile(List<CampaignPersonalData.CampaignMessage> messages,
      List<CampaignPersonalData.CampaignReply> replies, List<CampaignPersonalData.Signup> signups) {}
}
