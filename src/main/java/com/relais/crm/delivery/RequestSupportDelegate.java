package com.relais.crm.delivery;

import com.relais.crm.deal.DealKey;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/** Stage 8: a negative reception is announced ({@link DeliveryRejected}); the support case opens from it. */
@Component("requestSupport")
class RequestSupportDelegate implements JavaDelegate {
  static final String DEFAULT_REASON = "Negative reception";

  private final ApplicationEventPublisher events;

  RequestSupportDelegate(ApplicationEventPublisher events) {
    this.events = events;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Object comment = execution.getVariable(DeliveryBpmn.RECEPTION_COMMENT);
    events.publishEvent(new DeliveryRejected(DealKey.opportunityId(execution), execution.getProcessInstanceId(),
        comment == null || comment.toString().isBlank() ? DEFAULT_REASON : comment.toString()));
  }
}
