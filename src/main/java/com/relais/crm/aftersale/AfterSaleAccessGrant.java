package com.relais.crm.aftersale;

import com.relais.crm.opportunity.DealAccess;
import com.relais.crm.deal.DealVariables;
import com.relais.crm.identity.CurrentUser;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.context.Context;
import org.springframework.stereotype.Component;

/**
 * Assignment listener of the after-sale task: the new assignee may read the deal (a recorded grant) and the
 * process instance in the engine (an authorization), whoever assigned it.
 */
@Component("afterSaleAccessGrant")
class AfterSaleAccessGrant implements TaskListener {
  private final DealAccess access;
  private final CurrentUser currentUser;
  private final AuthorizationService authorizations;

  AfterSaleAccessGrant(DealAccess access, CurrentUser currentUser, AuthorizationService authorizations) {
    this.access = access;
    this.currentUser = currentUser;
    this.authorizations = authorizations;
  }

  @Override
  public void notify(DelegateTask task) {
    String assignee = task.getAssignee();
    if (assignee == null) {
      return;
    }
    long opportunityId = ((Number) task.getVariable(DealVariables.OPPORTUNITY_ID)).longValue();
    access.grant(opportunityId, assignee, currentUser.id(), "Assigned the after-sale task '" + task.getName() + "'");
    // the assigner may not administer authorizations; the grant follows from the assignment it was allowed to make
    Context.getCommandContext().runWithoutAuthorization(() -> {
      grantProcessInstanceRead(assignee, task.getProcessInstanceId());
      return null;
    });
  }

  private void grantProcessInstanceRead(String userId, String processInstanceId) {
    boolean exists = authorizations.createAuthorizationQuery().userIdIn(userId)
        .resourceType(Resources.PROCESS_INSTANCE).resourceId(processInstanceId).count() > 0;
    if (exists) {
      return;
    }
    Authorization authorization = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    authorization.setUserId(userId);
    authorization.setResource(Resources.PROCESS_INSTANCE);
    authorization.setResourceId(processInstanceId);
    authorization.addPermission(Permissions.READ);
    authorizations.saveAuthorization(authorization);
  }
}
