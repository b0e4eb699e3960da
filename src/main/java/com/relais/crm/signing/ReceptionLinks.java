package com.relais.crm.signing;

import com.relais.crm.customer.Customer;
import com.relais.crm.customer.CustomerService;
import com.relais.crm.delivery.DeliveryProcess;
import com.relais.crm.document.DocumentKind;
import com.relais.crm.document.DocumentService;
import com.relais.crm.identity.CurrentUser;
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
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The links a deal's reception note is signed with, accepted or refused, on a phone ({@link ReceptionPage}): one
 * mailed to the customer when the delivery reaches its reception task, and one made each time someone who may
 * record the reception presses "Sign the reception on this phone" on the deal's page (the courier's or logistics'
 * phone, handed to the customer). Only a token's hash is kept, so the button makes a new link rather than showing an
 * old one; each new link ends the reception's earlier ones, the mailed one too: one live link per reception.
 */
@Service
public class ReceptionLinks {
  static final String PURPOSE = "reception-signature";
  private static final SigningTokens.Purpose RECEPTION = SigningTokens.Purpose.RECEPTION;
  private static final Logger log = LoggerFactory.getLogger(ReceptionLinks.class);
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm (VV)",
      Locale.ENGLISH);

  private final SigningTokens tokens;
  private final DeliveryProcess deliveries;
  private final DocumentService documents;
  private final OpportunityService opportunities;
  private final CustomerService customers;
  private final Outbox outbox;
  private final CurrentUser currentUser;
  private final SigningProperties properties;

  ReceptionLinks(SigningTokens tokens, DeliveryProcess deliveries, DocumentService documents,
      OpportunityService opportunities, CustomerService customers, Outbox outbox, CurrentUser currentUser,
      SigningProperties properties) {
    this.tokens = tokens;
    this.deliveries = deliveries;
    this.documents = documents;
    this.opportunities = opportunities;
    this.customers = customers;
    this.outbox = outbox;
    this.currentUser = currentUser;
    this.properties = properties;
  }

  /**
   * Mails the customer a link, through the outbox in the caller's transaction (the engine step that reaches the
   * reception task). A customer without an e-mail address gets none (logged): the reception is then signed on the
   * courier's phone, or recorded in Tasklist.
   *
   * @return whether a link was mailed
   */
  @Transactional
  boolean mail(long opportunityId) {
    Opportunity deal = opportunities.get(opportunityId);
    Customer customer = customers.get(deal.getCustomerId());
    String email = customer.getEmail();
    if (email == null || email.isBlank()) {
      log.info("The customer of deal {} has no e-mail address: no reception link was sent", opportunityId);
      return false;
    }
    Optional<Long> note = documents.idOf(opportunityId, DocumentKind.RECEPTION_NOTE);
    if (note.isEmpty()) {
      log.warn("Deal {} has no reception note: no reception link was sent", opportunityId);
      return false;
    }
    SigningTokens.Issued issued = issue(opportunityId, note.get(), customer.getId(), email);
    String link = properties.publicUrl() + ReceptionPage.PATH + issued.token();
    String until = DAY.format(issued.expiresAt().atZone(properties.zone()));
    outbox.enqueue(new OutgoingMessage(Channel.EMAIL, email,
        "Your delivery for " + deal.getTitle() + ": please accept or refuse it online",
        body(customer.getName(), deal.getTitle(), link, until), PURPOSE, "reception-token-" + issued.id()));
    return true;
  }

  /** Whether the deal's page offers the current user the reception on their phone: only while it may be recorded. */
  @Transactional(readOnly = true)
  public boolean offeredToCurrentUser(long opportunityId) {
    return deliveries.openReception(opportunityId)
        .filter(reception -> reception.mayBeRecordedBy(currentUser.id(), currentUser.groups()))
        .isPresent();
  }

  /**
   * A new link for the current user's phone, which ends the reception's earlier links. The user must be one who may
   * complete the reception task in Tasklist (the rule is the task's own: its candidate groups, its assignee, admins),
   * since the link records the reception in their place.
   *
   * @return the link's path; nothing when the delivery does not wait for its reception (any more)
   * @throws AccessDeniedException when the current user may not record this reception
   */
  @Transactional
  public Optional<String> openOnSite(long opportunityId) {
    Optional<DeliveryProcess.OpenReception> reception = deliveries.openReception(opportunityId);
    if (reception.isEmpty()) {
      return Optional.empty();
    }
    String user = currentUser.id();
    if (!reception.get().mayBeRecordedBy(user, currentUser.groups())) {
      throw new AccessDeniedException("You may not record the reception of deal " + opportunityId);
    }
    Optional<Long> note = documents.idOf(opportunityId, DocumentKind.RECEPTION_NOTE);
    if (note.isEmpty()) {
      log.warn("Deal {} waits for its reception but has no reception note: no link was made", opportunityId);
      return Optional.empty();
    }
    long customerId = opportunities.get(opportunityId).getCustomerId();
    SigningTokens.Issued issued = issue(opportunityId, note.get(), customerId, "the phone of " + user + ", on site");
    log.info("{} opened the reception of deal {} on their phone", user, opportunityId);
    return Optional.of(ReceptionPage.PATH + issued.token());
  }

  private SigningTokens.Issued issue(long opportunityId, long noteId, long customerId, String recipient) {
    Instant now = OnlineSignatures.now();
    tokens.revokeOpen(RECEPTION, opportunityId, now);
    return tokens.issue(RECEPTION, noteId, opportunityId, customerId, recipient, now, properties.tokenTtl());
  }

  private static String body(String customerName, String dealTitle, String link, String until) {
    return "Hello " + customerName + ",\n\n"
        + "Your delivery for \"" + dealTitle + "\" is under way. When it arrives, please check it and tell us online"
        + " whether you accept it in good condition, or refuse it and why.\n\n" + link + "\n\n"
        + "The link works once, until " + until + ". Open it, read the reception note, choose, and type your name:"
        + " your choice, your name, the time and your network address are recorded on the note, which is then"
        + " signed digitally. If you sign on the courier's phone instead, this link stops working.\n\n"
        + "If you did not expect this message, do not use the link and tell us.";
  }
}
