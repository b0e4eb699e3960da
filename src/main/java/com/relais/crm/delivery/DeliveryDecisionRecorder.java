package com.relais.crm.delivery;

import com.relais.crm.deal.DealKey;
import java.math.BigDecimal;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** On every delivery task's completion: copies what was decided into the delivery record, in the same transaction. */
@Component("deliveryDecisionRecorder")
class DeliveryDecisionRecorder implements TaskListener {
  private final DeliveryService deliveries;

  DeliveryDecisionRecorder(DeliveryService deliveries) {
    this.deliveries = deliveries;
  }

  @Override
  public void notify(DelegateTask task) {
    long opportunityId = DealKey.opportunityId(task);
    deliveries.record(opportunityId, new DeliveryDecisions(
        text(task, DeliveryBpmn.TRANSPORT),
        amount(task, DeliveryBpmn.TRANSPORT_COST),
        text(task, DeliveryBpmn.APPROVER_GROUP),
        text(task, DeliveryBpmn.PAYMENT_REFERENCE),
        text(task, DeliveryBpmn.RECEPTION_OUTCOME),
        text(task, DeliveryBpmn.RECEPTION_COMMENT)));
  }

  private static String text(DelegateTask task, String name) {
    Object value = task.getVariable(name);
    return value == null ? null : value.toString();
  }

  /** Tasklist sends whole numbers as integers and others as doubles; both are amounts. */
  private static BigDecimal amount(DelegateTask task, String name) {
    return task.getVariable(name) instanceof Number n ? new BigDecimal(n.toString()) : null;
  }
}
