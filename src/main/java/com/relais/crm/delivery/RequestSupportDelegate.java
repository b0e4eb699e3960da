package com.relais.crm.delivery;

import com.relais.crm.engine.StageProperty;
import com.relais.crm.support.SupportProcess;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Stage 8: a negative reception opens a support case under the deal's business key. */
@Component("requestSupport")
class RequestSupportDelegate implements JavaDelegate {
  private final SupportProcess support;

  RequestSupportDelegate(SupportProcess support) {
    this.support = support;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Object comment = execution.getVariable(DeliveryBpmn.RECEPTION_COMMENT);
    support.request(StageProperty.opportunityId(execution), execution.getProcessInstanceId(),
        comment == null || comment.toString().isBlank() ? "Negative reception" : comment.toString());
  }
}
