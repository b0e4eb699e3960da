package com.relais.crm.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.relais.crm.HttpTest;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The engine narrows a user's groups to those holding authorizations by the group's index
 * ({@link GroupsWithAuthorizations}); what a member of a group may see must follow the group's authorizations at
 * once, both ways: a grant to a group that had none counts from the next request, a removed grant is gone.
 */
@HttpTest
class GroupsWithAuthorizationsTest {
  @Autowired ProcessEngine engine;
  @Autowired IdentityService identityService;
  @Autowired AuthorizationService authorizationService;
  @Autowired RepositoryService repositoryService;

  @Test
  void aGroupsNewGrantCountsAtOnceAndARemovedOneIsGone() {
    String group = "auditors" + UUID.randomUUID().toString().substring(0, 8);
    String user = "auditor" + UUID.randomUUID().toString().substring(0, 8);
    identityService.saveGroup(identityService.newGroup(group));
    identityService.saveUser(identityService.newUser(user));
    identityService.createMembership(user, group);
    try {
      assertThat(saleDefinitionsSeenBy(user, group)).as("before any grant to the group").isZero();

      Authorization grant = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
      grant.setGroupId(group);
      grant.setResource(Resources.PROCESS_DEFINITION);
      grant.setResourceId("sale");
      grant.addPermission(Permissions.READ);
      grant = authorizationService.saveAuthorization(grant);
      assertThat(saleDefinitionsSeenBy(user, group)).as("right after the grant").isPositive();

      authorizationService.deleteAuthorization(grant.getId());
      assertThat(saleDefinitionsSeenBy(user, group)).as("after the grant was removed").isZero();
    } finally {
      identityService.deleteUser(user);
      identityService.deleteGroup(group);
    }
  }

  @Test
  void theEngineNarrowsGroupsThroughTheIndexedLookup() {
    var configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    AuthorizationManager manager = configuration.getCommandExecutorTxRequired()
        .execute(context -> context.getAuthorizationManager());
    assertThat(manager).isInstanceOf(GroupsWithAuthorizations.GroupsByIndex.class);
  }

  private long saleDefinitionsSeenBy(String user, String group) {
    identityService.setAuthentication(user, List.of(group));
    try {
      return repositoryService.createProcessDefinitionQuery().processDefinitionKey("sale").count();
    } finally {
      identityService.clearAuthentication();
    }
  }
}
