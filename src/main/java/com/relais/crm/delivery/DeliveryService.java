package com.relais.crm.delivery;

import org.springframework.context.ApplicationEventPublisher;
import com.relais.crm.deal.StageChanged;
import com.relais.crm.identity.CurrentUser;
import com.relais.crm.opportunity.StageHistory;
import com.relais.crm.platform.ConflictException;
import com.relais.crm.platform.InvalidFieldException;
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

  /**
   * Where the delivery goes: its own place (both coordinates, in range) or, with neither, the customer's address.
   * The ranges are checked on the request too; checked here again so that no caller stores half a place or a point
   * off the globe. 400 for a bad place, 409 for a delivery already received or rejected; nothing changes then.
   */
  @Transactional
  Delivery placeAt(long opportunityId, Double latitude, Double longitude) {
    if (latitude == null && longitude != null) {
      throw new InvalidFieldException("latitude", "latitude: a place needs both its latitude and its longitude"
          + " (or neither, for the customer's address)");
    }
    if (latitude != null && longitude == null) {
      throw new InvalidFieldException("longitude", "longitude: a place needs both its latitude and its longitude"
          + " (or neither, for the customer's address)");
    }
    if (latitude != null && !(latitude >= -90 && latitude <= 90)) {
      throw new InvalidFieldException("latitude", "latitude: degrees from -90 to 90");
    }
    if (longitude != null && !(longitude >= -180 && longitude <= 180)) {
      throw new InvalidFieldException("longitude", "longitude: degrees from -180 to 180");
    }
    Delivery delivery = get(opportunityId);
    try {
      delivery.placeAt(latitude, longitude, clock.instant());
    } catch (IllegalStateException e) {
      throw new ConflictException(e.getMessage());
    }
    return delivery;
  }

  @Transactional
  public void linkSupportCase(long opportunityId, long supportCaseId) {
    get(opportunityId).linkSupportCase(supportCaseId, clock.instant());
  }
}
