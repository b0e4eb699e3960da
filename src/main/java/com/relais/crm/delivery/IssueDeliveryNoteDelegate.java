package com.relais.crm.delivery;

import com.relais.crm.deal.DealKey;
import com.relais.crm.deal.StageProperty;
import com.relais.crm.document.DocumentKind;
import com.relais.crm.document.DocumentService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Stage 1: the delivery goes out with the signed delivery note; its id travels with the delivery. */
@Component("issueDeliveryNote")
class IssueDeliveryNoteDelegate implements JavaDelegate {
  private final DocumentService documents;

  IssueDeliveryNoteDelegate(DocumentService documents) {
    this.documents = documents;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long opportunityId = DealKey.opportunityId(execution);
    documents.idOf(opportunityId, DocumentKind.DELIVERY_NOTE)
        .ifPresent(id -> execution.setVariable(DeliveryBpmn.DELIVERY_NOTE_ATTACHMENT_ID, id));
  }
}
