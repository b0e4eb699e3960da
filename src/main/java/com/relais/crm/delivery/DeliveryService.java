package com.relais.crm.delivery;

import org.springframework.context.ApplicationEventPublisher;
import com.relais.crm.deal.StageChanged;
import com.relais.crm.identity.CurrentUser;
import com.relais.crm.opportunity.StageHistory;
import com.relais.crm.platform.ConflictException;
import com.relais.crm.platform.NotFoundException;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The CRM side of a delivery; every write joins the engine step that causes it. */
@Service
public class DeliveryService {
  private final DeliveryRepository deliveries;
  private final StageHistory history;
  private final CurrentUser currentUser;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  DeliveryService(DeliveryRepository deliveries, StageHistory history, CurrentUser currentUser,
      ApplicationEventPublisher events, Clock clock) {
    this.deliveries = deliveries;
    this.history = history;
    this.currentUser = currentUser;
    this.events = events;
    this.clock = clock;
  }

  @Transactional
  Delivery open(long opportunityId, String transport, boolean simplified) {
    Delivery delivery = deliveries.save(new Delivery(opportunityId, transport, simplified, clock.instant()));
    history.append(opportunityId, null, delivery.getStage().name(), currentUser.id(), clock.instant());
    return delivery;
  }

  @Transactional(readOnly = true)
  public Optional<Delivery> find(long opportunityId) {
    return deliveries.findByOpportunityId(opportunityId);
  }

  @Transactional(readOnly = true)
  public Delivery get(long opportunityId) {
    return find(opportunityId).orElseThrow(() -> new NotFoundException("Delivery of deal", opportunityId));
  }

  @Transactional
  void enterStage(long opportunityId, DeliveryStage stage) {
    Delivery delivery = get(opportunityId);
    try {
      delivery.moveTo(stage, clock.instant()).ifPresent(previous -> {
        history.append(opportunityId, previous.name(), stage.name(), currentUser.id(), clock.instant());
        events.publishEvent(new StageChanged(opportunityId, previous.name(), stage.name(), currentUser.id()));
      });
    } catch (IllegalStateException e) {
      throw new ConflictException(e.getMessage());
    }
  }

  /** @return true when the quote is new, false for a duplicate of the recorded one */
  @Transactional
  boolean acceptQuote(long opportunityId, BigDecimal quote) {
    try {
      return get(opportunityId).acceptQuote(quote, clock.instant());
    } catch (IllegalStateException e) {
      throw new ConflictException(e.getMessage());
    }
  }

  @Transactional
  void record(long opportunityId, DeliveryDecisions decisions) {
    get(opportunityId).record(decisions, clock.instant());
  }

  @Transactional
  public void linkSupportCase(long opportunityId, long supportCaseId) {
    get(opportunityId).linkSupportCase(supportCaseId, clock.instant());
  }
}
