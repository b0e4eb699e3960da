package com.relais.crm.identity;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The person behind the current piece of work: the /api caller, the /engine-rest or Tasklist user whose task
 * completion runs a listener, or {@value #SYSTEM} for the job executor.
 */
@Component
public class CurrentUser {
  public static final String SYSTEM = "system";
  static final String GROUP_PREFIX = "GROUP_";

  private final IdentityService identityService;

  CurrentUser(IdentityService identityService) {
    this.identityService = identityService;
  }

  public String id() {
    Authentication engineUser = identityService.getCurrentAuthentication();
    if (engineUser != null && engineUser.getUserId() != null) {
      return engineUser.getUserId();
    }
    var springUser = SecurityContextHolder.getContext().getAuthentication();
    if (springUser != null && springUser.isAuthenticated() && springUser.getName() != null
        && !"anonymousUser".equals(springUser.getName())) {
      return springUser.getName();
    }
    return SYSTEM;
  }

  public Set<String> groups() {
    Authentication engineUser = identityService.getCurrentAuthentication();
    if (engineUser != null && engineUser.getGroupIds() != null) {
      return Set.copyOf(engineUser.getGroupIds());
    }
    var springUser = SecurityContextHolder.getContext().getAuthentication();
    if (springUser == null) {
      return Set.of();
    }
    return springUser.getAuthorities().stream()
        .map(GrantedAuthority::getAuthority)
        .filter(a -> a.startsWith(GROUP_PREFIX))
        .map(a -> a.substring(GROUP_PREFIX.length()))
        .collect(Collectors.toUnmodifiableSet());
  }

  public boolean isInAnyGroup(String... groups) {
    Set<String> mine = groups();
    return List.of(groups).stream().anyMatch(mine::contains);
  }

  public boolean isAdmin() {
    return groups().contains(StaffGroups.ADMIN);
  }
}
