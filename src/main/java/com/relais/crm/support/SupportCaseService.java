package com.relais.crm.support;

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
  private final Clock clock;

  SupportCaseService(SupportCaseRepository cases, DeliveryService deliveries, Clock clock) {
    this.cases = cases;
    this.deliveries = deliveries;
    this.clock = clock;
  }

  /** Opens the case once per rejected delivery (a retried step finds it) and links it from the delivery. */
  @Transactional
  SupportCase open(long opportunityId, String deliveryProcessInstanceId, String reason) {
    SupportCase supportCase = cases.findByDeliveryProcessInstanceId(deliveryProcessInstanceId)
        .orElseGet(() -> cases.save(new SupportCase(opportunityId, deliveryProcessInstanceId, reason, clock.instant())));
    deliveries.find(opportunityId).ifPresent(d -> deliveries.linkSupportCase(opportunityId, supportCase.getId()));
    return supportCase;
  }

  @Transactional
  void update(long id, Consumer<SupportCase> change) {
    change.accept(get(id));
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
