package com.relais.crm.delivery;

import com.relais.crm.deal.DealKey;
import com.relais.crm.deal.StageProperty;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/** Start listener on every delivery element with a {@code stage} property: moves the delivery's CRM stage. */
@Component("deliveryStageListener")
class DeliveryStageListener implements ExecutionListener {
  private final DeliveryService deliveries;

  DeliveryStageListener(DeliveryService deliveries) {
    this.deliveries = deliveries;
  }

  @Override
  public void notify(DelegateExecution execution) {
    deliveries.enterStage(DealKey.opportunityId(execution), DeliveryStage.valueOf(StageProperty.of(execution)));
  }
}
