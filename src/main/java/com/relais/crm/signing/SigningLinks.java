package com.relais.crm.signing;

import com.relais.crm.customer.Customer;
import com.relais.crm.customer.CustomerService;
import com.relais.crm.document.DocumentKind;
import com.relais.crm.document.DocumentService;
import com.relais.crm.messaging.Channel;
import com.relais.crm.messaging.Outbox;
import com.relais.crm.messaging.OutgoingMessage;
import com.relais.crm.opportunity.Opportunity;
import com.relais.crm.opportunity.OpportunityService;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Mails the customer a link to sign the deal's delivery note, through the outbox in the caller's transaction (the
 * engine step that sends the note, or the reminder's). Each mail carries a new token and ends the deal's earlier
 * ones: only the hash of a token is kept, so an earlier link cannot be sent again, and one live link per note is
 * the fewest a forwarded or lost mail can misuse. A customer without an e-mail address gets no link (logged); the
 * reminder sends one once the address is known.
 */
@Service
class SigningLinks {
  static final String PURPOSE = "delivery-note-signature";
  private static final Logger log = LoggerFactory.getLogger(SigningLinks.class);
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm (VV)",
      Locale.ENGLISH);

  private final SigningTokens tokens;
  private final DocumentService documents;
  private final OpportunityService opportunities;
  private final CustomerService customers;
  private final Outbox outbox;
  private final SigningProperties properties;

  SigningLinks(SigningTokens tokens, DocumentService documents, OpportunityService opportunities,
      CustomerService customers, Outbox outbox, SigningProperties properties) {
    this.tokens = tokens;
    this.documents = documents;
    this.opportunities = opportunities;
    this.customers = customers;
    this.outbox = outbox;
    this.properties = properties;
  }

  /** @return whether a link was mailed */
  @Transactional
  boolean send(long opportunityId, boolean reminder) {
    Opportunity deal = opportunities.get(opportunityId);
    Customer customer = customers.get(deal.getCustomerId());
    String email = customer.getEmail();
    if (email == null || email.isBlank()) {
      log.info("The customer of deal {} has no e-mail address: no signing link was sent", opportunityId);
      return false;
    }
    Optional<Long> note = documents.idOf(opportunityId, DocumentKind.DELIVERY_NOTE);
    if (note.isEmpty()) {
      log.warn("Deal {} has no delivery note: no signing link was sent", opportunityId);
      return false;
    }
    Instant now = OnlineSignatures.now();
    tokens.revokeOpen(SigningTokens.Purpose.DELIVERY_NOTE, opportunityId, now);
    var issued = tokens.issue(SigningTokens.Purpose.DELIVERY_NOTE, note.get(), opportunityId, customer.getId(), email,
        now, properties.tokenTtl());
    String link = properties.publicUrl() + "/public/sign/" + issued.token();
    String until = DAY.format(issued.expiresAt().atZone(properties.zone()));
    outbox.enqueue(new OutgoingMessage(Channel.EMAIL, email,
        (reminder ? "Reminder: please sign the delivery note for " : "Please sign the delivery note for ")
            + deal.getTitle(),
        body(customer.getName(), deal.getTitle(), link, until, reminder), PURPOSE,
        "signing-token-" + issued.id()));
    return true;
  }

  private static String body(String customerName, String dealTitle, String link, String until, boolean reminder) {
    String opening = reminder
        ? "The delivery note for \"" + dealTitle + "\" still waits for your signature. Here is a new link (a link we"
            + " sent before no longer works)."
        : "The delivery note for \"" + dealTitle + "\" is ready. Please read it and sign it online.";
    return "Hello " + customerName + ",\n\n" + opening + "\n\n" + link + "\n\n"
        + "The link works once, until " + until + ". Open it, read the note, type your name and tick your"
        + " agreement: your signature, the time and your network address are recorded on the note, which is then"
        + " signed digitally.\n\nIf you did not expect this message, do not use the link and tell us.";
  }
}
