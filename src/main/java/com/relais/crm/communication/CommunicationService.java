package com.relais.crm.communication;

import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import com.relais.crm.customer.CustomerService;
import com.relais.crm.identity.CurrentUser;
import com.relais.crm.deal.DealLookup;
import com.relais.crm.platform.InvalidFieldException;
import com.relais.crm.platform.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class CommunicationService {
  private final CommunicationRepository communications;
  private final CustomerService customers;
  private final DealLookup deals;
  private final ExchangeCatalogue catalogue;
  private final IdentityService identityService;
  private final CurrentUser currentUser;
  private final Clock clock;
  private final ExchangeWordSearch wordSearch;
  private final ApplicationEventPublisher events;

  CommunicationService(CommunicationRepository communications, CustomerService customers,
      DealLookup deals, ExchangeCatalogue catalogue, IdentityService identityService,
      CurrentUser currentUser, Clock clock, ExchangeWordSearch wordSearch, ApplicationEventPublisher events) {
    this.wordSearch = wordSearch;
    this.events = events;
    this.communications = communications;
    this.customers = customers;
    this.deals = deals;
    this.catalogue = catalogue;
    this.identityService = identityService;
    this.currentUser = currentUser;
    this.clock = clock;
  }

  @Transactional
  public Communication create(CommunicationDetails details) {
    check(details, null);
    Communication saved = communications.save(new Communication(details, currentUser.id(), clock.instant()));
    events.publishEvent(new ExchangeLogged(saved.getId(), saved.getCustomerId(), List.copyOf(saved.getOpportunityIds()),
        saved.getType(), saved.getStatus(), saved.getSubject(), saved.isPrivateEntry(), saved.getAuthor(),
        Set.copyOf(saved.getAssignees())));
    announceIfDone(saved);
    return saved;
  }

  /** Only the author (or an admin) rewrites an exchange; assignees read it but do not change its record. */
  @Transactional
  public Communication update(long id, CommunicationDetails details) {
    Communication communication = get(id);
    if (!currentUser.isAdmin() && !communication.getAuthor().equals(currentUser.id())) {
      throw new AccessDeniedException("Only the author of exchange " + id + " or an admin may change it");
    }
    check(details, communication);
    boolean wasDone = catalogue.isDone(communication.getStatus());
    communication.update(details, clock.instant());
    if (!wasDone) {
      announceIfDone(communication);
    }
    return communication;
  }

  /** A contact recorded as done may fulfil an item of the customer's work plan (see {@link ExchangeDone}). */
  private void announceIfDone(Communication exchange) {
    if (exchange.getCustomerId() != null && catalogue.isDone(exchange.getStatus())) {
      events.publishEvent(new ExchangeDone(exchange.getId(), exchange.getCustomerId(), exchange.getType(),
          exchange.getAuthor(), exchange.getStartsAt()));
    }
  }

  /** A private exchange the caller may not see answers exactly like a missing one, so its existence does not leak. */
  @Transactional(readOnly = true)
  public Communication get(long id) {
    return communications.findById(id)
        .filter(c -> currentUser.isAdmin() || c.isVisibleTo(currentUser.id()))
        .orElseThrow(() -> new NotFoundException("Exchange", id));
  }

  /**
   * The quick search's share: the newest {@code limit} exchanges in whose subject or details every word of {@code q}
   * begins a word ({@link ExchangeWordSearch}), private ones filtered. No total is counted: counting every match of a
   * common word costs a second or more at a million exchanges (docs/performance.md), and the quick search never
   * shows it. The exchange list's {@code q} filter, by contrast, matches any part of a word.
   */
  @Transactional(readOnly = true)
  public List<Communication> matching(String q, int limit) {
    List<Long> ids = wordSearch.newest(q, currentUser.id(), currentUser.isAdmin(), limit);
    Map<Long, Communication> byId = new HashMap<>();
    communications.findAllById(ids).forEach(c -> byId.put(c.getId(), c));
    return ids.stream().map(byId::get).filter(Objects::nonNull).toList();
  }

  @Transactional(readOnly = true)
  Page<Communication> search(CommunicationSearch s, Pageable page) {
    return communications.findAll(filterOf(s), page);
  }

  private Specification<Communication> filterOf(CommunicationSearch s) {
    Specification<Communication> filter = Specification.where(null);
    if (!currentUser.isAdmin()) {
      filter = filter.and(CommunicationRepository.visibleTo(currentUser.id()));
    }
    if (s.q() != null && !s.q().isBlank()) {
      filter = filter.and(CommunicationRepository.matching(s.q()));
    }
    if (s.type() != null) {
      catalogue.requireKnown(CatalogueKind.TYPE, s.type());
      filter = filter.and(CommunicationRepository.ofType(s.type()));
    }
    if (s.status() != null) {
      catalogue.requireKnown(CatalogueKind.STATUS, s.status());
      filter = filter.and(CommunicationRepository.inStatus(s.status()));
    }
    // a date far outside a working life is a typo or an attack; PostgreSQL refuses years it cannot store (a 500)
    requireInRange("from", s.from());
    requireInRange("to", s.to());
    if (s.from() != null) {
      filter = filter.and(CommunicationRepository.startingFrom(s.from()));
    }
    if (s.to() != null) {
      filter = filter.and(CommunicationRepository.startingUntil(s.to()));
    }
    if (s.customerId() != null) {
      filter = filter.and(CommunicationRepository.ofCustomer(s.customerId()));
    }
    if (s.opportunityId() != null) {
      filter = filter.and(CommunicationRepository.aboutOpportunity(s.opportunityId()));
    }
    if (s.author() != null && !s.author().isBlank()) {
      filter = filter.and(CommunicationRepository.writtenBy(s.author().strip()));
    }
    return filter;
  }

  /** An exchange happens in a person's working life; a date far outside it is a typo or an attack. */
  static final Instant EARLIEST = Instant.parse("1900-01-01T00:00:00Z");
  static final Instant LATEST = Instant.parse("2200-01-01T00:00:00Z");

  /** {@code current} is the exchange being changed, or null for a new one. */
  private void check(CommunicationDetails d, Communication current) {
    // an old exchange keeps a type or status that has been retired since; only a new choice must be current
    if (current != null && d.type().equals(current.getType())) {
      catalogue.requireKnown(CatalogueKind.TYPE, d.type());
    } else {
      catalogue.requireSelectable(CatalogueKind.TYPE, d.type());
    }
    if (current != null && d.status().equals(current.getStatus())) {
      catalogue.requireKnown(CatalogueKind.STATUS, d.status());
    } else {
      catalogue.requireSelectable(CatalogueKind.STATUS, d.status());
    }
    requireInRange("start", d.start());
    requireInRange("end", d.end());
    if (d.end() != null && d.end().isBefore(d.start())) {
      throw new InvalidFieldException("end", "end must not be before start");
    }
    if (d.customerId() != null && !customers.exists(d.customerId())) {
      throw new InvalidFieldException("customerId", "customerId: no customer " + d.customerId());
    }
    for (Long opportunityId : d.opportunityIds()) {
      long dealCustomer;
      try {
        dealCustomer = deals.customerOf(opportunityId);
      } catch (NotFoundException e) {
        throw new InvalidFieldException("opportunityIds", "opportunityIds: no opportunity " + opportunityId);
      }
      if (!Objects.equals(dealCustomer, d.customerId())) {
        throw new InvalidFieldException("opportunityIds",
            "opportunityIds: opportunity " + opportunityId + " belongs to another customer");
      }
    }
    for (String user : d.assignees()) {
      if (identityService.createUserQuery().userId(user).count() == 0) {
        throw new InvalidFieldException("assignees", "assignees: no user '" + user + "'");
      }
    }
  }

  private static void requireInRange(String field, Instant value) {
    if (value != null && (value.isBefore(EARLIEST) || !value.isBefore(LATEST))) {
      throw new InvalidFieldException(field, field + " must lie between 1900 and 2199");
    }
  }
}
