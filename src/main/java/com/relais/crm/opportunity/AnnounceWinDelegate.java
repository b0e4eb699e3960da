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
    events.publishEvent(new SaleWon(DealKey.opportunityId(execution),
        transport == null ? SaleBpmn.TRANSPORT_EXTERNAL : transport.toString(), simplified,
        templateId(execution.getVariable(SaleBpmn.AFTER_SALE_TEMPLATE_ID))));
  }

  /** The template chosen in the form: a number, or its digits as text (a list's value); anything else the default. */
  private static Long templateId(Object chosen) {
    if (chosen instanceof Number number) {
      return number.longValue();
    }
    if (chosen instanceof String text && text.strip().matches("\\d{1,18}")) {
      return Long.valueOf(text.strip());
    }
    return null;
  }
}
