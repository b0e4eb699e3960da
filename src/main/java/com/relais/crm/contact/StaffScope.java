package com.relais.crm.contact;

import com.relais.crm.identity.CurrentUser;
import com.relais.crm.identity.Teams;
import java.util.LinkedHashSet;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Whose plans and figures the caller may see and fill: a member their own, a manager also those of the members of
 * the teams they manage (the seed: management plans its own tasks for its people and checks them), an admin
 * everyone's.
 */
@Component
class StaffScope {
  private final CurrentUser currentUser;
  private final Teams teams;

  StaffScope(CurrentUser currentUser, Teams teams) {
    this.currentUser = currentUser;
    this.teams = teams;
  }

  /** The users the caller answers for, themselves first; null for an admin (everyone). */
  Set<String> visibleUsers() {
    if (currentUser.isAdmin()) {
      return null;
    }
    Set<String> users = new LinkedHashSet<>();
    users.add(currentUser.id());
    teams.managedBy(currentUser.id()).forEach(team -> users.addAll(team.memberIds()));
    return users;
  }

  boolean mayAnswerFor(String userId) {
    Set<String> visible = visibleUsers();
    return visible == null || visible.contains(userId);
  }

  String me() {
    return currentUser.id();
  }
}
