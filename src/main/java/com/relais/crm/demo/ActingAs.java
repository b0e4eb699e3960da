package com.relais.crm.demo;

import java.util.List;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Runs a piece of the seed as one demo user, so that every record says who did it (author, creator, stage history)
 * and the engine applies the same authorizations as to that person. Both contexts are cleared afterwards: the seed's
 * thread is nobody between two steps.
 */
@Component
@DemoSeedEnabled
class ActingAs {
  /** As identity's CurrentUser reads them: each engine group is a {@code GROUP_<id>} authority. */
  private static final String GROUP_PREFIX = "GROUP_";

  private final IdentityService identityService;

  ActingAs(IdentityService identityService) {
    this.identityService = identityService;
  }

  /**
   * A call of a CRM service, as the /api filter chain makes it: a Spring security context with the user's groups and
   * no engine authentication, so what the service starts in the engine runs as it does for an /api request.
   */
  <T> T crm(String userId, Supplier<T> work) {
    return withSpringUser(userId, groupsOf(userId), work);
  }

  /**
   * A step in Tasklist: the engine authenticates the user (a task outside their groups is refused, as on screen) and
   * the listeners that call CRM services find the same person in the Spring context.
   */
  <T> T tasklist(String userId, Supplier<T> work) {
    // read before the engine authenticates the user: a staff member may not read the group records themselves
    List<String> groups = groupsOf(userId);
    identityService.setAuthentication(userId, groups);
    try {
      return withSpringUser(userId, groups, work);
    } finally {
      identityService.clearAuthentication();
    }
  }

  private static <T> T withSpringUser(String userId, List<String> groups, Supplier<T> work) {
    SecurityContext context = SecurityContextHolder.createEmptyContext();
    context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(userId, null,
        groups.stream().map(group -> new SimpleGrantedAuthority(GROUP_PREFIX + group)).toList()));
    SecurityContextHolder.setContext(context);
    try {
      return work.get();
    } finally {
      SecurityContextHolder.clearContext();
    }
  }

  /** Read from the engine's user store, so a change made in Admin is what the seed acts with. */
  private List<String> groupsOf(String userId) {
    return identityService.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList();
  }
}
