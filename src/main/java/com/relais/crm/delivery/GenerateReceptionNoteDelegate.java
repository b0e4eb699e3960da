package com.relais.crm.delivery;

import com.relais.crm.deal.DealKey;
import com.relais.crm.document.DocumentKind;
import com.relais.crm.document.DocumentService;
import com.relais.crm.document.DocumentService.NoteLine;
import com.relais.crm.deal.DealVariables;
import com.relais.crm.deal.StageProperty;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Before reception: the note the customer signs on delivery, kept with the deal. */
@Component("generateReceptionNote")
class GenerateReceptionNoteDelegate implements JavaDelegate {
  private final DocumentService documents;
  private final DeliveryService deliveries;

  GenerateReceptionNoteDelegate(DocumentService documents, DeliveryService deliveries) {
    this.documents = documents;
    this.deliveries = deliveries;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long opportunityId = DealKey.opportunityId(execution);
    Delivery delivery = deliveries.get(opportunityId);
    var note = documents.generate(opportunityId, DocumentKind.RECEPTION_NOTE, List.of(
        new NoteLine("Deal", "#" + opportunityId + " " + execution.getVariable(DealVariables.OPPORTUNITY_TITLE)),
        new NoteLine("Customer", String.valueOf(execution.getVariable(DealVariables.CUSTOMER_NAME))),
        new NoteLine("Transport", String.valueOf(delivery.getTransport())),
        new NoteLine("Payment reference", String.valueOf(delivery.getPaymentReference())),
        new NoteLine("Date", LocalDate.now(ZoneOffset.UTC).toString())),
        "Received in good condition (or reserves noted below).");
    execution.setVariable(DeliveryBpmn.RECEPTION_NOTE_ATTACHMENT_ID, note.getId());
  }
}
