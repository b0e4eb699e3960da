package com.relais.crm.identity;

import com.relais.crm.platform.ShortMemory;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * How to reach a member of staff and what they belong to: e-mail, name and groups from the engine's users (managed
 * in the Admin webapp), the mobile phone from the CRM's staff profile (the engine's users have no phone).
 */
@Service
public class StaffDirectory {
  private final IdentityService identityService;
  private final JdbcClient jdbc;
  /** Each user's groups as a remembered login has them; see {@link #groupsAsLoggedIn}. */
  private final ShortMemory<String, Set<String>> groupsAsLoggedIn;

  StaffDirectory(IdentityService identityService, JdbcClient jdbc, IdentityProperties properties) {
    this.identityService = identityService;
    this.jdbc = jdbc;
    this.groupsAsLoggedIn = new ShortMemory<>(properties.login().rememberFor(), VerifiedLogins.MAX_ENTRIES);
  }

  /** A member of staff as the directory knows them. */
  public record Staff(String userId, String firstName, String lastName, String email, String phone) {}

  @Transactional(readOnly = true)
  public Optional<Staff> find(String userId) {
    User user = identityService.createUserQuery().userId(userId).singleResult();
    if (user == null) {
      return Optional.empty();
    }
    return Optional.of(new Staff(user.getId(), user.getFirstName(), user.getLastName(), user.getEmail(),
        phoneOf(userId)));
  }

  /** The user's groups, read now. */
  public Set<String> groupsOf(String userId) {
    return identityService.createGroupQuery().groupMember(userId).list().stream().map(Group::getId)
        .collect(Collectors.toUnmodifiableSet());
  }

  /**
   * The user's groups as their login would have them: read at most {@code relais.login.remember-for} ago (30 s,
   * {@link VerifiedLogins}), the delay with which a changed membership already reaches that user's own requests.
   * For checks made on a user's behalf many times a second, such as whether a person told of an event may read its
   * deal: a deal's owner is told of most of its steps.
   */
  public Set<String> groupsAsLoggedIn(String userId) {
    return groupsAsLoggedIn.get(userId, this::groupsOf);
  }

  public List<String> membersOf(String groupId) {
    return identityService.createUserQuery().memberOfGroup(groupId).list().stream().map(User::getId).toList();
  }

  @Transactional(readOnly = true)
  public String phoneOf(String userId) {
    return jdbc.sql("select phone from staff_profile where user_id = ?").param(userId).query(String.class)
        .optional().orElse(null);
  }

  /** Sets the user's own e-mail and mobile phone (E.164, or null to remove it). */
  @Transactional
  public void updateContact(String userId, String email, String phone) {
    User user = identityService.createUserQuery().userId(userId).singleResult();
    if (user == null) {
      throw new IllegalStateException("No user " + userId);
    }
    if (email != null && !email.equals(user.getEmail())) {
      user.setEmail(email);
      identityService.saveUser(user);
    }
    int updated = jdbc.sql("update staff_profile set phone = ? where user_id = ?").params(phone, userId).update();
    if (updated == 0) {
      jdbc.sql("insert into staff_profile (user_id, phone) values (?, ?)").params(userId, phone).update();
    }
  }
}
