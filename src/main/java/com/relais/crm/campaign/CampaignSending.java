package com.relais.crm.campaign;

import com.relais.crm.communication.CommunicationDetails;
import com.relais.crm.communication.CommunicationService;
import com.relais.crm.customer.MarketingCards;
import com.relais.crm.identity.CurrentUser;
import com.relais.crm.messaging.Channel;
import com.relais.crm.messaging.Outbox;
import com.relais.crm.messaging.OutgoingMessage;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sends an approved campaign. The first batch fixes the audience (a recipient row per customer it names then); each
 * batch takes the next pending recipients, asks their consent again as it is at that moment, queues the message in
 * the outbox and keeps the text as an exchange in the customer's history, all in the batch's transaction: a batch
 * that fails is rolled back whole and retried, and a recipient is never sent twice.
 */
@Service
class CampaignSending {
  private final CampaignStore store;
  private final AudienceFinder audiences;
  private final CampaignTexts texts;
  private final UnsubscribeLinks links;
  private final MarketingCards cards;
  private final Outbox outbox;
  private final CommunicationService communications;
  private final CurrentUser currentUser;
  private final Clock clock;
  private final int batchSize;
  private final int maxPerMinute;

  CampaignSending(CampaignStore store, AudienceFinder audiences, CampaignTexts texts, UnsubscribeLinks links,
      MarketingCards cards, Outbox outbox, CommunicationService communications, CurrentUser currentUser, Clock clock,
      @Value("${relais.campaigns.batch-size:200}") int batchSize,
      @Value("${relais.campaigns.max-per-minute:0}") int maxPerMinute) {
    this.store = store;
    this.audiences = audiences;
    this.texts = texts;
    this.links = links;
    this.cards = cards;
    this.outbox = outbox;
    this.communications = communications;
    this.currentUser = currentUser;
    this.clock = clock;
    this.batchSize = batchSize;
    this.maxPerMinute = maxPerMinute;
  }

  /**
   * The pause between two batches that keeps the sending under {@code max-per-minute} (what the mail server and the
   * SMSC accept); none without a limit. A timer of the diagram, so no thread waits and a restart keeps the pace.
   */
  java.time.Duration pause() {
    return maxPerMinute <= 0 ? java.time.Duration.ZERO
        : java.time.Duration.ofMillis(60_000L * batchSize / maxPerMinute);
  }

  @Transactional
  void schedule(long campaignId, String note) {
    store.move(campaignId, Campaign.Status.AWAITING_APPROVAL, Campaign.Status.SCHEDULED, clock.instant());
    store.decided(campaignId, currentUser.id(), note);
  }

  @Transactional
  void reject(long campaignId, String note) {
    store.move(campaignId, Campaign.Status.AWAITING_APPROVAL, Campaign.Status.REJECTED, clock.instant());
    store.decided(campaignId, currentUser.id(), note);
  }

  /** @return whether every recipient has been dealt with */
  @Transactional
  boolean sendBatch(long campaignId) {
    Campaign campaign = store.get(campaignId);
    if (!store.hasRecipients(campaignId)) {
      var found = audiences.find(campaign.audience(), campaign.channel(), campaign.purpose());
      store.addRecipients(campaignId, found.reachable().stream().map(MarketingCards.Card::id).toList(), "PENDING");
      store.addRecipients(campaignId, found.withoutConsent().stream().map(MarketingCards.Card::id).toList(),
          "EXCLUDED_NO_CONSENT");
      store.move(campaignId, Campaign.Status.SCHEDULED, Campaign.Status.SENDING, clock.instant());
    }
    List<Long> next = store.pending(campaignId, batchSize);
    for (Long customerId : next) {
      send(campaign, customerId);
    }
    return next.size() < batchSize;
  }

  private void send(Campaign campaign, long customerId) {
    Instant now = clock.instant();
    MarketingCards.Card customer = cards.of(customerId).orElse(null);
    if (customer == null || !AudienceFinder.hasAddress(customer, campaign.channel())
        || !AudienceFinder.consents(customer, campaign.channel(), campaign.purpose())) {
      store.recipient(campaign.id(), customerId, "EXCLUDED_NO_CONSENT", null, null);
      return;
    }
    boolean email = campaign.channel() == CampaignRequest.Channel.EMAIL;
    // a phone is typed as people write it; the SMSC takes it in E.164 form, and a national number cannot be sent
    String phone = customer.phone() == null ? null : customer.phone().replaceAll("[^0-9+]", "");
    if (!email && (phone == null || !phone.matches("^\\+[1-9]\\d{6,14}$"))) {
      store.recipient(campaign.id(), customerId, "FAILED", null, null);
      return;
    }
    String link = links.link(campaign.id(), customerId, campaign.channel());
    String subject = email ? texts.render(campaign.subject(), customer, link) : null;
    String text = texts.render(campaign.text(), customer, link);
    String body = email ? text + "\n\n-- \nTo receive no more of these e-mails: " + link
        : text + " (STOP to stop)";
    outbox.enqueue(new OutgoingMessage(email ? Channel.EMAIL : Channel.SMS, email ? customer.email() : phone, subject, body, "campaign:" + campaign.id(),
        "campaign-" + campaign.id() + "-" + customerId));
    var exchange = communications.create(new CommunicationDetails(email ? "EMAIL" : "SMS",
        clip("Campaign " + campaign.name() + (subject == null ? "" : ": " + subject), 300), clip(text, 10000), now,
        null, "DONE", false, List.of(), customerId, List.of()));
    store.recipient(campaign.id(), customerId, "SENT", exchange.getId(), now);
  }

  @Transactional
  void markSent(long campaignId) {
    store.sent(campaignId, clock.instant());
  }

  @Transactional
  void close(long campaignId) {
    store.closed(campaignId, clock.instant());
  }

  private static String clip(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }
}
