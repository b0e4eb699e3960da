package com.relais.crm.signing;

import com.relais.crm.deal.DealKey;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Task listener of processes/sale.bpmn: when sales completes "Send the delivery note for e-signature", and when the
 * three-day reminder task is created, the customer is mailed a fresh link to sign the note ({@link SigningLinks}).
 * In the engine step's transaction: a rolled back step sends nothing.
 */
@Component("sendSignatureLink")
class SendSignatureLink implements TaskListener {
  static final String REMINDER_TASK = "userTask_remindSignature";

  private final SigningLinks links;

  SendSignatureLink(SigningLinks links) {
    this.links = links;
  }

  @Override
  public void notify(DelegateTask task) {
    links.send(DealKey.opportunityId(task), REMINDER_TASK.equals(task.getTaskDefinitionKey()));
  }
}
