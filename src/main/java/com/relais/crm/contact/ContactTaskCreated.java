package com.relais.crm.contact;

import com.relais.crm.deal.DealVariables;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * A contact's task exists: the plan's entry learns its id, the team's manager may follow it in Tasklist (a candidate
 * of an assigned task sees it in the "My team's contacts" filter but cannot claim it away), and the card says whom
 * to contact and why.
 */
@Component("contactTaskCreated")
class ContactTaskCreated implements TaskListener {
  private final ContactPlans plans;

  ContactTaskCreated(ContactPlans plans) {
    this.plans = plans;
  }

  @Override
  public void notify(DelegateTask task) {
    plans.taskCreated(((Number) task.getVariable(ContactPlanBpmn.ENTRY_ID)).longValue(), task.getId());
    Object manager = task.getVariable(ContactPlanBpmn.TEAM_MANAGER);
    if (manager != null) {
      task.addCandidateUser(manager.toString());
    }
    task.setVariableLocal(DealVariables.DEAL_CARD, task.getVariable(ContactPlanBpmn.CUSTOMER_NAME) + " · "
        + task.getVariable(ContactPlanBpmn.CONTACT_REASON));
  }
}
