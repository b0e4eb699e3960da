package com.relais.crm.identity;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import com.relais.crm.deal.DealVariables;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.UserOperationLogCategoryPermissions;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.TaskQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The quick start's users, groups, the engine authorizations each group needs to work its tasks in Tasklist
 * (and managers to watch in Cockpit), and shared Tasklist filters. Idempotent: a restart adds only what is missing.
 */
@Component
@Order(2)
@ConditionalOnProperty(name = "relais.demo.enabled", havingValue = "true")
class DemoData implements InitializingBean {
  private static final Logger log = LoggerFactory.getLogger(DemoData.class);
  private static final Map<String, String> GROUP_NAMES = Map.of(
      StaffGroups.SALES, "Sales", StaffGroups.LOGISTICS, "Logistics", StaffGroups.FINANCE, "Finance",
      StaffGroups.SUPPORT, "Support", StaffGroups.MANAGERS, "Managers", StaffGroups.COURIERS, "Couriers");

  private final IdentityService identityService;
  private final AuthorizationService authorizationService;
  private final FilterService filterService;
  private final TaskService taskService;
  private final Teams teams;

  DemoData(IdentityService identityService, AuthorizationService authorizationService, FilterService filterService,
      TaskService taskService, Teams teams, AdminAccount adminAccountFirst) {
    this.teams = teams;
    this.identityService = identityService;
    this.authorizationService = authorizationService;
    this.filterService = filterService;
    this.taskService = taskService;
  }

  @Override
  public void afterPropertiesSet() {
    GROUP_NAMES.forEach(this::ensureGroup);
    DemoUsers.USERS.forEach(this::ensureUser);
    for (String group : StaffGroups.STAFF) {
      grant(group, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
      grant(group, Resources.PROCESS_DEFINITION, "*", Permissions.READ);
      grant(group, Resources.DECISION_DEFINITION, "*", Permissions.READ);
    }
    grant(StaffGroups.MANAGERS, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
    grant(StaffGroups.MANAGERS, Resources.PROCESS_DEFINITION, "*", Permissions.READ, Permissions.READ_HISTORY,
        Permissions.READ_INSTANCE);
    grant(StaffGroups.MANAGERS, Resources.PROCESS_INSTANCE, "*", Permissions.READ);
    // the user operation log in Cockpit (who did what on a deal's instances)
    grant(StaffGroups.MANAGERS, Resources.OPERATION_LOG_CATEGORY, "*", UserOperationLogCategoryPermissions.READ);
    ensureFilters();
    ensureTeam("sales-team", List.of("sales", "sales2"));
    ensureTeam("ops-team", List.of("logistics", "finance", "support", "courier"));
    log.info("Demo users ready: admin, sales, sales2, logistics, finance, support, manager, courier (password = user id)");
  }

  private void ensureGroup(String id, String name) {
    if (identityService.createGroupQuery().groupId(id).count() == 0) {
      Group group = identityService.newGroup(id);
      group.setName(name);
      group.setType(Groups.GROUP_TYPE_WORKFLOW);
      identityService.saveGroup(group);
    }
  }

  private void ensureUser(DemoUsers.DemoUser demo) {
    if (identityService.createUserQuery().userId(demo.id()).count() == 0) {
      User user = identityService.newUser(demo.id());
      user.setFirstName(demo.firstName());
      user.setLastName(demo.lastName());
      user.setEmail(demo.id() + "@relais.example");
      user.setPassword(demo.id());
      identityService.saveUser(user);
    }
    for (String group : demo.groups()) {
      if (identityService.createUserQuery().userId(demo.id()).memberOfGroup(group).count() == 0) {
        identityService.createMembership(demo.id(), group);
      }
    }
  }

  /**
   * Grants the permissions, adding what is missing to a grant the group already has on the resource: one group's
   * grant on one resource is one row, so a second call for the same resource (managers are staff too) must extend it,
   * not be skipped. Before, managers kept the staff's plain READ on process definitions and saw no history.
   */
  private void grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
    Authorization existing = authorizationService.createAuthorizationQuery()
        .groupIdIn(groupId).resourceType(resource).resourceId(resourceId).singleResult();
    if (existing != null) {
      boolean missing = false;
      for (Permission permission : permissions) {
        if (!existing.isPermissionGranted(permission)) {
          existing.addPermission(permission);
          missing = true;
        }
      }
      if (missing) {
        authorizationService.saveAuthorization(existing);
      }
      return;
    }
    Authorization authorization = authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
    authorization.setGroupId(groupId);
    authorization.setResource(resource);
    authorization.setResourceId(resourceId);
    for (Permission permission : permissions) {
      authorization.addPermission(permission);
    }
    authorizationService.saveAuthorization(authorization);
  }

  /** The demo teams, both managed by {@code manager}; only created where the team and its members are free. */
  private void ensureTeam(String name, List<String> members) {
    boolean exists = teams.list(0, 200).stream().anyMatch(team -> team.name().equals(name));
    boolean membersFree = members.stream().allMatch(member -> teams.of(member).isEmpty());
    if (!exists && membersFree) {
      teams.create(name, "manager", members);
    }
  }

  /** One set of filters for every group: each user sees the tasks of its own groups. */
  private void ensureFilters() {
    ensureFilter("My tasks", -10, "Tasks assigned to me",
        taskService.createTaskQuery().taskAssigneeExpression("${currentUser()}"));
    ensureFilter("My group", 0, "Tasks my groups can work on now",
        taskService.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}")
            .includeAssignedTasks().followUpBeforeOrNotExistentExpression("${now()}"));
    // a team manager is a candidate of each contact of their team's plan (see contact.ContactTaskCreated)
    ensureFilter("My team's contacts", 5, "The day's contacts of the teams I manage, whoever has them",
        taskService.createTaskQuery().taskCandidateUserExpression("${currentUser()}").includeAssignedTasks()
            .taskDefinitionKey("userTask_contactCustomer"), "Customer, and why today");
    ensureFilter("Pending", 10, "Tasks waiting for their follow-up (reminder) date",
        taskService.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}")
            .includeAssignedTasks().followUpAfterExpression("${now()}"));
    ensureFilter("Overdue", 20, "Tasks of my groups past their due date",
        taskService.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}")
            .includeAssignedTasks().dueBeforeExpression("${now()}"));
  }

  /**
   * Creates the filter, or brings an existing one's card variables up to date (a database from an earlier version
   * keeps its filters). Every card says whose deal it is (customer, deal and amount in one line), readable by every
   * group because each task carries it as a variable of its own.
   */
  private void ensureFilter(String name, int priority, String description, TaskQuery query) {
    ensureFilter(name, priority, description, query, "Deal");
  }

  private void ensureFilter(String name, int priority, String description, TaskQuery query, String cardLabel) {
    Map<String, Object> properties = Map.of(
        "description", description,
        "priority", priority,
        "refresh", true,
        "variables", List.of(Map.of("name", DealVariables.DEAL_CARD, "label", cardLabel)));
    Filter existing = filterService.createFilterQuery().filterName(name).singleResult();
    if (existing != null) {
      if (!properties.equals(existing.getProperties())) {
        filterService.saveFilter(existing.setProperties(properties));
      }
      return;
    }
    Filter filter = filterService.newTaskFilter(name)
        .setOwner(AdminAccount.ADMIN_USER)
        .setQuery(query)
        .setProperties(properties);
    filterService.saveFilter(filter);
    for (String group : StaffGroups.STAFF) {
      grant(group, Resources.FILTER, filter.getId(), Permissions.READ);
    }
  }
}
