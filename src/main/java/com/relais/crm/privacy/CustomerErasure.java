package com.relais.crm.privacy;

import com.relais.crm.audit.AuditTrail;
import com.relais.crm.customer.Customer;
import com.relais.crm.customer.CustomerService;
import com.relais.crm.identity.CurrentUser;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Erases a customer's personal data everywhere it is copied, in one transaction: either every copy goes or none
 * does. Each module erases its own rows through its face; files leave the store only after the commit, so a rolled
 * back erasure never loses one. What the reports count stays: amounts, stages, dates, categories, who did what.
 */
@Service
class CustomerErasure {
  private final CustomerService customers;
  private final PersonalDataHolders holders;
  private final RunningDeals runningDeals;
  private final EngineRecords engine;
  private final EngineHistoryErasure engineErasure;
  private final AuditTrail audit;
  private final ErasureRecords records;
  private final CurrentUser currentUser;
  private final Clock clock;

  CustomerErasure(CustomerService customers, PersonalDataHolders holders, RunningDeals runningDeals,
      EngineRecords engine, EngineHistoryErasure engineErasure, AuditTrail audit, ErasureRecords records,
      CurrentUser currentUser, Clock clock) {
    this.customers = customers;
    this.holders = holders;
    this.runningDeals = runningDeals;
    this.engine = engine;
    this.engineErasure = engineErasure;
    this.audit = audit;
    this.records = records;
    this.currentUser = currentUser;
    this.clock = clock;
  }

  /**
   * @throws com.relais.crm.platform.NotFoundException (404) for an unknown customer
   * @throws com.relais.crm.platform.ConflictException (409) while one of their deals runs; nothing changes
   */
  @Transactional
  ErasureSummary erase(long customerId) {
    Customer customer = customers.get(customerId);
    List<Long> deals = holders.deals().idsOf(customerId);
    runningDeals.refuseWhileRunning(customerId, deals);

    // everything that finds the person is read before the first change
    Person person = Person.of(customer);
    List<Long> exchangeIds = holders.exchanges().idsOf(customerId);
    List<String> instances = engine.instanceIdsOf(customerId, deals);
    List<Long> deliveryIds = holders.deliveries().idsOf(deals);

    String erasedName = customers.erase(customerId).getName();
    int exchanges = holders.exchanges().eraseMentions(customerId, person.mentions());
    List<Long> attachments = holders.attachments().erase(customerId, deals);
    int documents = holders.documents().erase(deals);
    int dealRows = holders.deals().eraseMentions(customerId, person.mentions());
    int deliveries = holders.deliveries().eraseMentions(deals, person.mentions());
    int supportCases = holders.supportCases().eraseMentions(deals, person.mentions());
    int notifications = holders.notifications().eraseMentions(customerId, deals, person.mentions());
    int messages = holders.outbox().eraseMentions(person.addresses(), person.mentions());
    int campaignRecords = holders.campaigns().erase(customerId, person.addresses());
    int contactRecords = holders.contacts().eraseMentions(customerId, person.mentions(), erasedName);
    int importRows = holders.imports().erase(customerId, person.mentions());
    int routeStops = holders.routes().erase(deals, erasedName);
    EngineHistoryErasure.Counts engineRows = engineErasure.erase(instances, person.mentions());

    // last: every change above that the audit records as it is written has been written by now
    audit.erase(Audited.CUSTOMER, customerId);
    exchangeIds.forEach(id -> audit.erase(Audited.EXCHANGE, id));
    attachments.forEach(id -> audit.erase(Audited.ATTACHMENT, id));
    // deals and deliveries stay (amounts, stages, dates): only the person leaves their recorded values
    deals.forEach(id -> audit.eraseFrom(Audited.DEAL, id, person.mentions(), Audited.DEAL_PERSONAL_FIELDS));
    deliveryIds.forEach(id -> audit.eraseFrom(Audited.DELIVERY, id, person.mentions(),
        Audited.DELIVERY_PERSONAL_FIELDS));

    Instant now = clock.instant();
    ErasureSummary summary = new ErasureSummary(customerId, now, currentUser.id(), exchanges,
        attachments.size() + documents, dealRows, deliveries, supportCases, notifications, messages, campaignRecords,
        contactRecords, importRows, routeStops, instances.size(), engineRows.variables(), engineRows.variableUpdates(),
        engineRows.tasks(), engineRows.comments(), 1 + exchangeIds.size() + attachments.size());
    records.add(summary);
    return summary;
  }

  /** The record names the audit files the erased records under ({@code @AuditedAs} of their entities). */
  static final class Audited {
    static final String CUSTOMER = "customer";
    static final String EXCHANGE = "exchange";
    static final String ATTACHMENT = "attachment";
    static final String DEAL = "deal";
    static final String DELIVERY = "delivery";
    /** Values of a deal's audit that are the person's whole: the name typed by whoever signed the note. */
    static final java.util.Set<String> DEAL_PERSONAL_FIELDS = java.util.Set.of("deliveryNoteSignedBy");
    /** A delivery's: its own place (another site of theirs) and the comment written at reception. */
    static final java.util.Set<String> DELIVERY_PERSONAL_FIELDS = java.util.Set.of("latitude", "longitude",
        "receptionComment");

    private Audited() {}
  }
}
