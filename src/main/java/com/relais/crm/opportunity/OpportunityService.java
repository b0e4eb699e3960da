package com.relais.crm.opportunity;

import com.relais.crm.customer.Customer;
import com.relais.crm.customer.CustomerService;
import com.relais.crm.identity.CurrentUser;
import com.relais.crm.platform.ConflictException;
import com.relais.crm.platform.InvalidFieldException;
import com.relais.crm.platform.NotFoundException;
import java.time.Clock;
import java.time.LocalDate;
import com.relais.crm.engine.DealVariables;
import java.util.List;
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
  private final Clock clock;

  OpportunityService(OpportunityRepository opportunities, StageHistory history, CustomerService customers,
      CurrentUser currentUser, ApplicationEventPublisher events, Clock clock) {
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
    Opportunity opportunity = opportunities.save(new Opportunity(request.customerId(), request.title(),
        request.amount(), request.currency(), owner, close, clock.instant()));
    history.append(opportunity.getId(), null, opportunity.getStage().name(), currentUser.id(), clock.instant());
    events.publishEvent(new OpportunityCreated(opportunity.getId(), customer.getName()));
    return opportunity;
  }

  @Transactional(readOnly = true)
  public Opportunity get(long id) {
    return opportunities.findById(id).orElseThrow(() -> new NotFoundException("Opportunity", id));
  }

  @Transactional(readOnly = true)
  public List<StageChange> historyOf(long id) {
    return history.findByOpportunityIdOrderByChangedAtAscIdAsc(id);
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
      opportunity.moveTo(stage, clock.instant()).ifPresent(previous ->
          history.append(id, previous.name(), stage.name(), currentUser.id(), clock.instant()));
    } catch (IllegalStateException e) {
      throw new ConflictException(e.getMessage());
    }
  }
}
