package com.relais.crm.campaign;

import com.relais.crm.communication.ContactHistory;
import com.relais.crm.customer.AcquisitionSource;
import com.relais.crm.customer.CustomerCategories;
import com.relais.crm.customer.MarketingCards;
import com.relais.crm.opportunity.WonDeals;
import com.relais.crm.platform.InvalidFieldException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The customers a campaign's parameters name, with an address on its channel, split by consent: a PROMOTIONAL
 * message reaches those who agreed to hear from us on that channel, an INFORMATIONAL one everyone who did not say
 * no. Read from each module's public face, a few queries for the whole customer base.
 */
@Component
class AudienceFinder {
  private final MarketingCards cards;
  private final ContactHistory history;
  private final WonDeals wonDeals;
  private final CustomerCategories categories;
  private final ZoneId zone;

  AudienceFinder(MarketingCards cards, ContactHistory history, WonDeals wonDeals, CustomerCategories categories,
      @Value("${relais.notifications.zone:Europe/Paris}") ZoneId zone) {
    this.cards = cards;
    this.history = history;
    this.wonDeals = wonDeals;
    this.categories = categories;
    this.zone = zone;
  }

  record Found(List<MarketingCards.Card> reachable, List<MarketingCards.Card> withoutConsent) {}

  /** 400 naming an unknown category or acquisition source. */
  void check(Audience audience) {
    com.relais.crm.platform.SaneDates.require("audience.lastContactBefore", audience.lastContactBefore());
    com.relais.crm.platform.SaneDates.require("audience.lastContactAfter", audience.lastContactAfter());
    com.relais.crm.platform.SaneDates.require("audience.wonSince", audience.wonSince());
    audience.categories().forEach(categories::requireKnown);
    Set<String> sources = Set.copyOf(Arrays.stream(AcquisitionSource.values()).map(Enum::name).toList());
    for (String source : audience.acquisitionSources()) {
      if (!sources.contains(source)) {
        throw new InvalidFieldException("audience.acquisitionSources", "audience.acquisitionSources: '" + source
            + "' is not a source; use one of " + new java.util.TreeSet<>(sources));
      }
    }
  }

  Found find(Audience audience, CampaignRequest.Channel channel, CampaignRequest.Purpose purpose) {
    check(audience);
    boolean byContact = audience.lastContactBefore() != null || audience.lastContactAfter() != null;
    Map<Long, Instant> lastContact = byContact ? history.lastContactByCustomer() : Map.of();
    Set<Long> won = audience.wonSince() == null ? Set.of()
        : wonDeals.customersWonSince(audience.wonSince().atStartOfDay(zone).toInstant());
    List<MarketingCards.Card> reachable = new ArrayList<>();
    List<MarketingCards.Card> withoutConsent = new ArrayList<>();
    for (MarketingCards.Card card : cards.all()) {
      if (!matches(audience, card, lastContact.get(card.id()), won) || !hasAddress(card, channel)) {
        continue;
      }
      (consents(card, channel, purpose) ? reachable : withoutConsent).add(card);
    }
    return new Found(reachable, withoutConsent);
  }

  private boolean matches(Audience audience, MarketingCards.Card card, Instant last, Set<Long> won) {
    if (!audience.categories().isEmpty() && !audience.categories().contains(card.category())) {
      return false;
    }
    if (!audience.acquisitionSources().isEmpty() && !audience.acquisitionSources().contains(card.acquisitionSource())) {
      return false;
    }
    // "last contact before" includes those never contacted: they were not contacted since either
    if (audience.lastContactBefore() != null && last != null
        && !last.isBefore(audience.lastContactBefore().atStartOfDay(zone).toInstant())) {
      return false;
    }
    if (audience.lastContactAfter() != null
        && (last == null || last.isBefore(audience.lastContactAfter().atStartOfDay(zone).toInstant()))) {
      return false;
    }
    return audience.wonSince() == null || won.contains(card.id());
  }

  static boolean hasAddress(MarketingCards.Card card, CampaignRequest.Channel channel) {
    String address = channel == CampaignRequest.Channel.EMAIL ? card.email() : card.phone();
    return address != null && !address.isBlank();
  }

  /** Asked at the moment of sending too, with the customer as they are then. */
  static boolean consents(MarketingCards.Card card, CampaignRequest.Channel channel,
      CampaignRequest.Purpose purpose) {
    boolean email = channel == CampaignRequest.Channel.EMAIL;
    if (purpose == CampaignRequest.Purpose.PROMOTIONAL) {
      return email ? card.emailGranted() : card.smsGranted();
    }
    return email ? !card.emailOptedOut() : !card.smsOptedOut();
  }
}
