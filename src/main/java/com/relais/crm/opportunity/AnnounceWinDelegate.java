package com.relais.crm.opportunity;

import com.relais.crm.deal.DealKey;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Stage 6: the deal is won; the win is announced ({@link SaleWon}) and the delivery and after-sale start from it.
 * The bean keeps the name {@code startDelivery} that deployed sale diagrams call, so running deals are unaffected.
 */
@Component("startDelivery")
class AnnounceWinDelegate implements JavaDelegate {
  private final ApplicationEventPublisher events;

  AnnounceWinDelegate(ApplicationEventPublisher events) {
    this.events = events;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Object transport = execution.getVariable(SaleBpmn.TRANSPORT);
    boolean simplified = Boolean.TRUE.equals(execution.getVariable(SaleBpmn.SIMPLIFIED));
    Object template = execution.getVariable(SaleBpmn.AFTER_SALE_TEMPLATE_ID);
    events.publishEvent(new SaleWon(DealKey.opportunityId(execution),
        transport == null ? SaleBpmn.TRANSPORT_EXTERNAL : transport.toString(), simplified,
        template instanceof Number n ? n.longValue() : null));
  }
}
