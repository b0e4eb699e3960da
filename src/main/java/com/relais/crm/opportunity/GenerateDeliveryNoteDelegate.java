package com.relais.crm.opportunity;

import com.relais.crm.deal.DealKey;
import com.relais.crm.customer.Customer;
import com.relais.crm.customer.CustomerService;
import com.relais.crm.document.DocumentKind;
import com.relais.crm.document.DocumentService;
import com.relais.crm.document.DocumentService.NoteLine;
import com.relais.crm.deal.StageProperty;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Stage 5: renders the delivery note as a PDF, keeps it with the deal, hands its id to the next task's form. */
@Component("generateDeliveryNote")
class GenerateDeliveryNoteDelegate implements JavaDelegate {
  private final OpportunityService opportunities;
  private final CustomerService customers;
  private final DocumentService documents;

  GenerateDeliveryNoteDelegate(OpportunityService opportunities, CustomerService customers, DocumentService documents) {
    this.opportunities = opportunities;
    this.customers = customers;
    this.documents = documents;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Opportunity deal = opportunities.get(DealKey.opportunityId(execution));
    Customer customer = customers.get(deal.getCustomerId());
    var note = documents.generate(deal.getId(), DocumentKind.DELIVERY_NOTE, List.of(
        new NoteLine("Deal", "#" + deal.getId() + " " + deal.getTitle()),
        new NoteLine("Customer", customer.getName()),
        new NoteLine("Address", customer.getAddress() == null ? "-" : customer.getAddress()),
        new NoteLine("Amount", deal.getAmount().toPlainString() + " " + deal.getCurrency()),
        new NoteLine("Transport", String.valueOf(execution.getVariable(SaleBpmn.TRANSPORT))),
        new NoteLine("Date", LocalDate.now(ZoneOffset.UTC).toString())),
        "The customer agrees to the delivery described above.");
    execution.setVariable(SaleBpmn.DELIVERY_NOTE_ATTACHMENT_ID, note.getId());
  }
}
