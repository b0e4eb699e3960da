package com.relais.crm.support;

import org.springframework.context.ApplicationEventPublisher;
import com.relais.crm.delivery.DeliveryService;
import com.relais.crm.platform.NotFoundException;
import java.time.Clock;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class SupportCaseService {
  private final SupportCaseRepository cases;
  private final DeliveryService deliveries;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  SupportCaseService(SupportCaseRepository cases, DeliveryService deliveries, ApplicationEventPublisher events,
      Clock clock) {
    this.cases = cases;
    this.deliveries = deliveries;
    this.events = events;
    this.clock = clock;
  }

  /** Opens the case once per rejected delivery (a retried step finds it) and links it from the delivery. */
  @Transactional
  SupportCase open(long opportunityId, String deliveryProcessInstanceId, String reason) {
    SupportCase supportCase = cases.findByDeliveryProcessInstanceId(deliveryProcessInstanceId).orElseGet(() -> {
      SupportCase opened = cases.save(new SupportCase(opportunityId, deliveryProcessInstanceId, reason,
          clock.instant()));
      events.publishEvent(new SupportCaseOpened(opened.getId(), opportunityId, reason));
      return opened;
    });
    deliveries.find(opportunityId).ifPresent(d -> deliveries.linkSupportCase(opportunityId, supportCase.getId()));
    return supportCase;
  }

  /** Applies a change; a case that becomes resolved by it is announced ({@link SupportCaseResolved}). */
  @Transactional
  void update(long id, Consumer<SupportCase> change) {
    SupportCase supportCase = get(id);
    boolean wasResolved = supportCase.getStatus() == SupportCaseStatus.RESOLVED;
    change.accept(supportCase);
    if (!wasResolved && supportCase.getStatus() == SupportCaseStatus.RESOLVED) {
      events.publishEvent(new SupportCaseResolved(id, supportCase.getOpportunityId()));
    }
  }

  @Transactional(readOnly = true)
  public SupportCase get(long id) {
    return cases.findById(id).orElseThrow(() -> new NotFoundException("Support case", id));
  }

  @Transactional(readOnly = true)
  public List<SupportCase> ofDeal(long opportunityId) {
    return cases.findByOpportunityIdOrderByOpenedAtDesc(opportunityId);
  }

  Clock clock() {
    return clock;
  }
}
