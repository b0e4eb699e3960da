package com.relais.crm.delivery;

import com.relais.crm.deal.DealKey;
import com.relais.crm.deal.FollowingStep;
import com.relais.crm.deal.DealVariables;
import com.relais.crm.opportunity.OpportunityService;
import com.relais.crm.opportunity.SaleWon;
import com.relais.crm.platform.ConflictException;
import java.math.BigDecimal;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The one class that starts and signals the delivery process (docs/architecture.md, rules). */
@Component
public class DeliveryProcess {
  private final RuntimeService runtimeService;
  private final DeliveryService deliveries;
  private final OpportunityService opportunities;
  private final DeliveryProperties properties;

  DeliveryProcess(RuntimeService runtimeService, DeliveryService deliveries, OpportunityService opportunities,
      DeliveryProperties properties) {
    this.runtimeService = runtimeService;
    this.deliveries = deliveries;
    this.opportunities = opportunities;
    this.properties = properties;
  }

  /**
   * A won deal's delivery starts under the same business key. Synchronous on purpose: it joins the engine
   * transaction of the win, so the win and the delivery commit together (see {@link SaleWon}).
   */
  @EventListener
  @Order(1)
  void onSaleWon(SaleWon won) {
    FollowingStep.run(() -> start(won.opportunityId(), won.transport(), won.simplified()));
  }

  /** Starts the delivery of a won deal once: a retried step finds the delivery already there. */
  @Transactional
  public void start(long opportunityId, String transport, boolean simplified) {
    if (deliveries.find(opportunityId).isPresent()) {
      return;
    }
    deliveries.open(opportunityId, transport, simplified);
    Map<String, Object> variables = opportunities.processVariables(opportunityId);
    variables.put(DeliveryBpmn.TRANSPORT, transport);
    variables.put(DeliveryBpmn.SIMPLIFIED, simplified);
    variables.put(DeliveryBpmn.INTERNAL_TRANSPORT_COST, properties.internalTransportCost().doubleValue());
    variables.put(DeliveryBpmn.CARRIER_QUOTE, null);
    runtimeService.startProcessInstanceByKey(DeliveryBpmn.PROCESS_KEY, DealKey.of(opportunityId),
        variables);
  }

  /**
   * Hands the carrier's quote to the delivery waiting for it. The same quote twice is acknowledged once; a delivery
   * not waiting for a quote (internal transport, timed out, finished) is a conflict.
   *
   * @return false when this quote had already been received
   */
  @Transactional
  public boolean receiveQuote(long opportunityId, BigDecimal quote) {
    // The engine is asked first and the delivery row read after (acceptQuote, 404 for an unknown deal): the step
    // that enters the wait updates that row too, and a row read before the question lost its update at commit
    // (an optimistic-lock 409) whenever the quote arrived while that step was committing.
    String key = DealKey.of(opportunityId);
    boolean waiting = runtimeService.createExecutionQuery()
        .processDefinitionKey(DeliveryBpmn.PROCESS_KEY).processInstanceBusinessKey(key)
        .messageEventSubscriptionName(DeliveryBpmn.MESSAGE_CARRIER_QUOTE_RECEIVED).count() > 0;
    if (!deliveries.acceptQuote(opportunityId, quote)) {
      return false;
    }
    if (!waiting) {
      throw new ConflictException("The delivery of deal " + opportunityId + " is not waiting for a carrier quote");
    }
    runtimeService.createMessageCorrelation(DeliveryBpmn.MESSAGE_CARRIER_QUOTE_RECEIVED)
        .processInstanceBusinessKey(key)
        .setVariable(DeliveryBpmn.CARRIER_QUOTE, quote.doubleValue())
        .correlate();
    return true;
  }
}
