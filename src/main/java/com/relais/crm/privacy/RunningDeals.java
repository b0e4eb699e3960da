package com.relais.crm.privacy;

import com.relais.crm.aftersale.AfterSaleBpmn;
import com.relais.crm.deal.DealKey;
import com.relais.crm.delivery.DeliveryBpmn;
import com.relais.crm.opportunity.SaleBpmn;
import com.relais.crm.platform.ConflictException;
import com.relais.crm.support.SupportBpmn;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

/**
 * An erasure waits until every deal of the customer has ended: a running sale, delivery, after-sale or support
 * still reads the customer's name and address (the notes it prints, the messages it sends) and would write them
 * back into what was just erased. A notification's Tasklist task under the deal's key does not hold it back; its
 * texts are erased with the rest.
 */
@Component
class RunningDeals {
  static final List<String> DEAL_PROCESSES = List.of(SaleBpmn.PROCESS_KEY, DeliveryBpmn.PROCESS_KEY,
      AfterSaleBpmn.PROCESS_KEY, SupportBpmn.PROCESS_KEY);

  private final RuntimeService runtimeService;

  RunningDeals(RuntimeService runtimeService) {
    this.runtimeService = runtimeService;
  }

  /** @throws ConflictException (409) naming the first deal that still runs and what runs in it */
  void refuseWhileRunning(long customerId, Collection<Long> opportunityIds) {
    for (long deal : opportunityIds) {
      List<String> running = new ArrayList<>();
      for (String process : DEAL_PROCESSES) {
        if (runtimeService.createProcessInstanceQuery().processDefinitionKey(process)
            .processInstanceBusinessKey(DealKey.of(deal)).count() > 0) {
          running.add(process);
        }
      }
      if (!running.isEmpty()) {
        throw new ConflictException("The personal data of customer " + customerId + " cannot be erased while deal "
            + deal + " runs (" + String.join(", ", running) + "); erase it once the deal has ended");
      }
    }
  }
}
