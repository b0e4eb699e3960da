package com.relais.crm.opportunity;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Complete listener of the closing task: a won deal says how it will be delivered. The form asks for it, but a
 * cleared field or an API call could win a deal with no transport, which the delivery then guessed. Refused as bad
 * input (400); the task stays open.
 */
@Component("winNeedsTransport")
class WinNeedsTransport implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    Object transport = task.getVariable(SaleBpmn.TRANSPORT);
    if (SaleBpmn.OUTCOME_WON.equals(task.getVariable(SaleBpmn.SALE_OUTCOME))
        && (transport == null || transport.toString().isBlank())) {
      throw new BadUserRequestException("Variable '" + SaleBpmn.TRANSPORT + "' must say how a won deal is delivered: "
          + SaleBpmn.TRANSPORT_EXTERNAL + " or " + SaleBpmn.TRANSPORT_INTERNAL);
    }
  }
}
