package com.relais.crm.signing;

import com.relais.crm.deal.DealKey;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Create listener of "Record the reception" in processes/delivery.bpmn: when the delivery reaches it, the customer
 * is mailed a link to accept or refuse the delivery on their phone ({@link ReceptionLinks}). In the engine step's
 * transaction: a rolled back step sends nothing.
 */
@Component("sendReceptionLink")
class SendReceptionLink implements TaskListener {
  private final ReceptionLinks links;

  SendReceptionLink(ReceptionLinks links) {
    this.links = links;
  }

  @Override
  public void notify(DelegateTask task) {
    links.mail(DealKey.opportunityId(task));
  }
}
