package com.relais.crm.opportunity;

import com.relais.crm.delivery.DeliveryProcess;
import com.relais.crm.engine.StageProperty;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/** Stage 6: the deal is won; its delivery starts under the same business key and the win is announced. */
@Component("startDelivery")
class StartDeliveryDelegate implements JavaDelegate {
  static final String AFTER_SALE_TEMPLATE_ID = "afterSaleTemplateId";

  private final DeliveryProcess deliveries;
  private final ApplicationEventPublisher events;

  StartDeliveryDelegate(DeliveryProcess deliveries, ApplicationEventPublisher events) {
    this.deliveries = deliveries;
    this.events = events;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long opportunityId = StageProperty.opportunityId(execution);
    Object transport = execution.getVariable(SaleBpmn.TRANSPORT);
    boolean simplified = Boolean.TRUE.equals(execution.getVariable(SaleBpmn.SIMPLIFIED));
    deliveries.start(opportunityId, transport == null ? "EXTERNAL" : transport.toString(), simplified);
    Object template = execution.getVariable(AFTER_SALE_TEMPLATE_ID);
    events.publishEvent(new SaleWon(opportunityId, template instanceof Number n ? n.longValue() : null));
  }
}
