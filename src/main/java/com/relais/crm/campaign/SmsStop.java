package com.relais.crm.campaign;

import com.relais.crm.communication.CommunicationDetails;
import com.relais.crm.communication.CommunicationService;
import com.relais.crm.customer.CustomerService;
import com.relais.crm.customer.MarketingCards;
import com.relais.crm.messaging.SmsReceived;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A customer answers "STOP" to an SMS: their SMS consent is withdrawn (source "SMS STOP reply", and when), the reply
 * is kept in their history, and the last SMS campaign they received counts them as opted out. Every customer with
 * that number is concerned: a shared phone said no for all of them.
 */
@Component
class SmsStop {
  private static final Logger log = LoggerFactory.getLogger(SmsStop.class);
  /** What phones send to stop: the word itself in English and French, as operators advertise it. */
  private static final Set<String> STOP_WORDS = Set.of("STOP", "STOP ALL", "ARRET", "ARRÊT", "UNSUBSCRIBE");

  private final MarketingCards cards;
  private final CustomerService customers;
  private final CommunicationService communications;
  private final CampaignStore store;

  SmsStop(MarketingCards cards, CustomerService customers, CommunicationService communications,
      CampaignStore store) {
    this.cards = cards;
    this.customers = customers;
    this.communications = communications;
    this.store = store;
  }

  static boolean isStop(String text) {
    return STOP_WORDS.contains(text.strip().toUpperCase(Locale.ROOT));
  }

  /** Any other text is a reply ({@link CampaignReplies}). */
  @EventListener
  void on(SmsReceived sms) {
    if (!isStop(sms.text())) {
      return;
    }
    List<Long> senders = cards.withPhone(sms.fromE164());
    for (Long customer : senders) {
      customers.withdrawConsent(customer, true, "SMS STOP reply");
      communications.create(new CommunicationDetails("SMS", "STOP received: SMS consent withdrawn", sms.text(),
          sms.at(), null, "DONE", false, List.of(), customer, List.of()));
      store.lastSmsCampaignOf(customer).ifPresent(campaign -> store.optedOut(campaign, customer, sms.at()));
    }
    if (senders.isEmpty()) {
      log.info("STOP from {}, a number no customer has", sms.fromE164());
    }
  }
}
