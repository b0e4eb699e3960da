package com.relais.crm.opportunity;

import com.relais.crm.deal.StageChanged;
import com.relais.crm.customer.Customer;
import com.relais.crm.customer.CustomerService;
import com.relais.crm.identity.CurrentUser;
import com.relais.crm.platform.ConflictException;
import com.relais.crm.platform.InvalidFieldException;
import com.relais.crm.platform.NotFoundException;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.LocalDate;
import com.relais.crm.deal.DealVariables;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.data.domain.Sort;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class OpportunityService {
  private static final LocalDate EARLIEST_CLOSE = LocalDate.of(2000, 1, 1);
  private static final LocalDate LATEST_CLOSE = LocalDate.of(2100, 12, 31);

  private final OpportunityRepository opportunities;
  private final StageHistory history;
  private final CustomerService customers;
  private final CurrentUser currentUser;
  private final ApplicationEventPublisher events;
  private final OpportunityProperties properties;
  private final DealReadPolicy readPolicy;
  private final StageComments comments;
  private final EntityManager entityManager;
  private final Clock clock;

  OpportunityService(OpportunityRepository opportunities, StageHistory history, CustomerService customers,
      CurrentUser currentUser, ApplicationEventPublisher events, OpportunityProperties properties,
      DealReadPolicy readPolicy, StageComments comments, EntityManager entityManager, Clock clock) {
    this.entityManager = entityManager;
    this.properties = properties;
    this.readPolicy = readPolicy;
    this.comments = comments;
    this.opportunities = opportunities;
    this.history = history;
    this.customers = customers;
    this.currentUser = currentUser;
    this.events = events;
    this.clock = clock;
  }

  /** Opens the deal and, in the same transaction, starts its sale: both exist or neither does. */
  @Transactional
  public Opportunity create(NewOpportunity request) {
    Customer customer = customers.find(request.customerId()).orElseThrow(() ->
        new InvalidFieldException("customerId", "customerId: no customer " + request.customerId()));
    LocalDate close = request.expectedCloseDate();
    if (close != null && (close.isBefore(EARLIEST_CLOSE) || close.isAfter(LATEST_CLOSE))) {
      throw new InvalidFieldException("expectedCloseDate", "expectedCloseDate must lie between 2000 and 2100");
    }
    String owner = request.owner() == null || request.owner().isBlank() ? currentUser.id() : request.owner();
    String currency = request.currency() == null ? properties.companyCurrency() : request.currency();
    Opportunity opportunity = opportunities.save(new Opportunity(request.customerId(), request.title(),
        request.amount(), currency, owner, close, clock.instant()));
    history.append(opportunity.getId(), null, opportunity.getStage().name(), currentUser.id(), clock.instant());
    events.publishEvent(new OpportunityCreated(opportunity.getId(), customer.getName()));
    return opportunity;
  }

  /**
   * By the entity manager, not the repository: every step of a deal reads its opportunity (the stage listener, the
   * notifications), and the repository's proxies cost more than the look-up when the opportunity is already loaded
   * in the step (docs/performance.md, "The third pass").
   */
  @Transactional(readOnly = true)
  public Opportunity get(long id) {
    Opportunity opportunity = entityManager.find(Opportunity.class, id);
    if (opportunity == null) {
      throw new NotFoundException("Opportunity", id);
    }
    return opportunity;
  }

  @Transactional(readOnly = true)
  public List<StageChange> historyOf(long id) {
    return history.findByOpportunityIdOrderByChangedAtAscIdAsc(id);
  }

  /** The comments written in the deal's stage forms, oldest first. */
  @Transactional(readOnly = true)
  public List<OpportunityView.StageCommentView> commentsOf(long id) {
    return comments.of(id);
  }

  /** Deals as a list filter selects them, newest first unless the page says otherwise. */
  @Transactional(readOnly = true)
  public Page<Opportunity> list(DealFilter filter, Pageable page) {
    if (filter.minAmount() != null && filter.maxAmount() != null
        && filter.minAmount().compareTo(filter.maxAmount()) > 0) {
      throw new InvalidFieldException("minAmount", "minAmount must not be above maxAmount");
    }
    if (filter.closeFrom() != null && filter.closeTo() != null && filter.closeFrom().isAfter(filter.closeTo())) {
      throw new InvalidFieldException("closeFrom", "closeFrom must not be after closeTo");
    }
    return opportunities.findAll(OpportunityRepository.selectedBy(filter), page);
  }

  /**
   * The quick search's share: the newest deals whose title or customer name contains {@code q}, among those the
   * caller may read (every deal for the sales side).
   */
  @Transactional(readOnly = true)
  public List<Opportunity> matching(String q, int limit) {
    return opportunities.findBy(OpportunityRepository.matching(q),
            query -> query.sortBy(Sort.by(Sort.Direction.DESC, "createdAt")).limit(limit).all())
        .stream().filter(deal -> readPolicy.canRead(deal.getId())).toList();
  }

  /** The customers' names of these deals, by customer id, in one query. */
  @Transactional(readOnly = true)
  public Map<Long, String> customerNamesOf(Collection<Opportunity> deals) {
    return customers.namesOf(deals.stream().map(Opportunity::getCustomerId).collect(Collectors.toSet()));
  }

  @Transactional(readOnly = true)
  public Page<Opportunity> ofCustomer(long customerId, Pageable page) {
    if (!customers.exists(customerId)) {
      throw new NotFoundException("Customer", customerId);
    }
    return opportunities.findByCustomerId(customerId, page);
  }

  /** The display variables every process of this deal starts with (DealVariables), read fresh from the records. */
  @Transactional(readOnly = true)
  public Map<String, Object> processVariables(long id) {
    Opportunity deal = get(id);
    return DealVariables.of(deal.getId(), customers.get(deal.getCustomerId()).getName(), deal.getTitle(),
        deal.getAmount(), deal.getCurrency());
  }

  /** Called by the sale process when the deal enters a stage; joins the engine's transaction. */
  @Transactional
  public void enterStage(long id, SaleStage stage) {
    Opportunity opportunity = get(id);
    try {
      opportunity.moveTo(stage, clock.instant()).ifPresent(previous -> {
        history.append(id, previous.name(), stage.name(), currentUser.id(), clock.instant());
        if (stage == SaleStage.SALE_6_WON) {
          customers.recordWonDeal(opportunity.getCustomerId());
        }
        events.publishEvent(new StageChanged(id, previous.name(), stage.name(), currentUser.id()));
        if (stage == SaleStage.SALE_LOST) {
          events.publishEvent(new SaleLost(id));
        }
      });
    } catch (IllegalStateException e) {
      throw new ConflictException(e.getMessage());
    }
  }
}
