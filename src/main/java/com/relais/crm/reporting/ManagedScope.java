package com.relais.crm.reporting;

import com.relais.crm.identity.CurrentUser;
import com.relais.crm.identity.StaffDirectory;
import com.relais.crm.identity.Teams;
import com.relais.crm.platform.InvalidFieldException;
import java.util.List;
import java.util.TreeSet;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Whose figures the caller may see and set: a manager their teams' members (and themselves), an admin everyone's.
 * A team asked for must be one the caller manages (403 otherwise).
 */
@Component
class ManagedScope {
  private final Teams teams;
  private final StaffDirectory staff;
  private final CurrentUser currentUser;

  ManagedScope(Teams teams, StaffDirectory staff, CurrentUser currentUser) {
    this.teams = teams;
    this.staff = staff;
    this.currentUser = currentUser;
  }

  /** The people whose deals count: one team, the caller's teams, or null for everyone (an admin's default). */
  List<String> owners(Long teamId) {
    if (teamId != null) {
      Teams.Team team = teams.get(teamId);
      if (!currentUser.isAdmin() && !currentUser.id().equals(team.managerId())) {
        throw new AccessDeniedException("Team " + teamId + " is not one of your teams");
      }
      return members(team);
    }
    if (currentUser.isAdmin()) {
      return null;
    }
    TreeSet<String> people = new TreeSet<>();
    teams.managedBy(currentUser.id()).forEach(team -> people.addAll(members(team)));
    people.add(currentUser.id());
    return List.copyOf(people);
  }

  /** The caller may set this person's objectives: a member of a team they manage (an admin: anyone). */
  void requireManages(String userId) {
    if (userId == null || userId.isBlank() || userId.length() > 64 || staff.find(userId).isEmpty()) {
      throw new InvalidFieldException("userId", "userId: a member of staff (their login)");
    }
    if (currentUser.isAdmin()) {
      return;
    }
    boolean manages = teams.managedBy(currentUser.id()).stream().anyMatch(team -> team.memberIds().contains(userId));
    if (!manages) {
      throw new AccessDeniedException(userId + " is not in a team you manage");
    }
  }

  long teamKey(Long teamId) {
    return teamId == null ? 0 : teamId;
  }

  private static List<String> members(Teams.Team team) {
    TreeSet<String> people = new TreeSet<>(team.memberIds());
    people.add(team.managerId());
    return List.copyOf(people);
  }
}
