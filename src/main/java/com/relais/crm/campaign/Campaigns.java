package com.relais.crm.campaign;

import com.relais.crm.customer.MarketingCards;
import com.relais.crm.identity.CurrentUser;
import com.relais.crm.opportunity.WonDeals;
import com.relais.crm.platform.ConflictException;
import com.relais.crm.platform.InvalidFieldException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Campaigns as salespeople and managers handle them: defined as a draft, changed while a draft (409 after), its
 * audience shown before anything is sent, submitted for a manager's approval in Tasklist.
 */
@Service
class Campaigns {
  /** How many customers of the audience the preview and the approval form show. */
  static final int SAMPLE = 10;

  private final CampaignStore store;
  private final MarketingCards cards;
  private final CampaignTextLibrary library;
  private final AudienceFinder audiences;
  private final CampaignTexts texts;
  private final CampaignProcess process;
  private final WonDeals wonDeals;
  private final CurrentUser currentUser;
  private final Clock clock;
  private final Duration resultWindow;

  Campaigns(CampaignStore store, MarketingCards cards, CampaignTextLibrary library, AudienceFinder audiences, CampaignTexts texts, CampaignProcess process,
      WonDeals wonDeals, CurrentUser currentUser, Clock clock,
      @Value("${relais.campaigns.result-window:P90D}") Duration resultWindow) {
    this.store = store;
    this.cards = cards;
    this.library = library;
    this.audiences = audiences;
    this.texts = texts;
    this.process = process;
    this.wonDeals = wonDeals;
    this.currentUser = currentUser;
    this.clock = clock;
    this.resultWindow = resultWindow;
  }

  /** The audience before sending: how many it reaches, how many are left out for lack of consent, a sample. */
  record AudiencePreview(long count, long excludedNoConsent, List<Recipient> sample) {}

  record Recipient(long customerId, String name, String category) {}

  @Transactional
  Campaign create(CampaignRequest request) {
    CampaignRequest complete = fromLibrary(request);
    check(complete);
    return get(store.insert(complete, currentUser.id(), clock.instant()));
  }

  /** The request with the ready text's subject and text where it gives none of its own. */
  private CampaignRequest fromLibrary(CampaignRequest request) {
    if (request.textId() == null) {
      return request;
    }
    var ready = library.get(request.textId());
    return new CampaignRequest(request.name(), request.channel(), request.purpose(),
        request.subject() == null || request.subject().isBlank() ? ready.subject() : request.subject(),
        request.text() == null || request.text().isBlank() ? ready.text() : request.text(), request.audience(),
        request.sendAt(), request.textId());
  }

  @Transactional
  Campaign change(long id, CampaignRequest request) {
    Campaign current = store.get(id);
    if (current.status() != Campaign.Status.DRAFT) {
      throw new ConflictException("Campaign " + id + " is " + current.status() + "; only a draft can be changed");
    }
    CampaignRequest complete = fromLibrary(request);
    check(complete);
    store.update(id, complete, clock.instant());
    return get(id);
  }

  @Transactional(readOnly = true)
  Campaign get(long id) {
    return withResults(store.withCounts(store.get(id)));
  }

  @Transactional(readOnly = true)
  List<Campaign> list(int page, int size) {
    return store.list(page, size).stream().map(store::withCounts).toList();
  }

  @Transactional(readOnly = true)
  AudiencePreview audience(long id) {
    Campaign campaign = store.get(id);
    var found = audiences.find(campaign.audience(), campaign.channel(), campaign.purpose());
    return new AudiencePreview(found.reachable().size(), found.withoutConsent().size(),
        found.reachable().stream().limit(SAMPLE).map(c -> new Recipient(c.id(), c.name(), c.category())).toList());
  }

  /** DRAFT to AWAITING_APPROVAL, and the approval task for the managers; 409 from any other status. */
  @Transactional
  Campaign submit(long id) {
    Campaign campaign = store.get(id);
    if (!store.move(id, Campaign.Status.DRAFT, Campaign.Status.AWAITING_APPROVAL, clock.instant())) {
      throw new ConflictException("Campaign " + id + " is " + campaign.status() + "; only a draft is submitted");
    }
    AudiencePreview preview = audience(id);
    MarketingCards.Card first = preview.sample().isEmpty() ? null
        : cards.of(preview.sample().get(0).customerId()).orElse(null);
    String rendered = first == null ? "(nobody in the audience)"
        : (campaign.subject() == null ? "" : texts.render(campaign.subject(), first, "(unsubscribe link)") + "\n\n")
            + texts.render(campaign.text(), first, "(unsubscribe link)");
    process.start(campaign, preview, rendered);
    return get(id);
  }

  private void check(CampaignRequest request) {
    if (request.text() == null || request.text().isBlank()) {
      throw new InvalidFieldException("text", "text: the message, or a textId of the library");
    }
    if (request.channel() == CampaignRequest.Channel.EMAIL && (request.subject() == null
        || request.subject().isBlank())) {
      throw new InvalidFieldException("subject", "subject: an e-mail needs one");
    }
    if (request.sendAt() != null && (request.sendAt().isAfter(clock.instant().plus(Duration.ofDays(366)))
        || request.sendAt().isBefore(Instant.parse("2000-01-01T00:00:00Z")))) {
      throw new InvalidFieldException("sendAt", "sendAt: a time from now to a year ahead (a past one means at once)");
    }
    texts.check("subject", request.subject());
    texts.check("text", request.text());
    audiences.check(request.audience());
  }

  /** The deals the recipients won within the result window after the sending, and their revenue. */
  private Campaign withResults(Campaign campaign) {
    if (campaign.sentAt() == null) {
      return campaign;
    }
    Instant until = campaign.sentAt().plus(resultWindow);
    var won = wonDeals.wonBy(store.sentTo(campaign.id()), campaign.sentAt(), until);
    BigDecimal revenue = won.stream().map(WonDeals.Won::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    var c = campaign.counts();
    return new Campaign(campaign.id(), campaign.name(), campaign.channel(), campaign.purpose(), campaign.subject(),
        campaign.text(), campaign.audience(), campaign.sendAt(), campaign.status(), campaign.createdBy(),
        campaign.decidedBy(), campaign.decisionNote(), campaign.sentAt(), campaign.closedAt(), new Campaign.Counts(c.targeted(),
            c.excludedNoConsent(), c.sent(), c.failed(), c.optedOut(), c.replies(), won.size(), revenue));
  }
}
