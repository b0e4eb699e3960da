package com.relais.crm.identity;

import com.relais.crm.platform.ShortMemory;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Tenant;
import org.springframework.stereotype.Component;

/**
 * Remembers for a short while that a user id and password were right, together with the user's groups and tenants.
 * Clients of /api and /engine-rest send Basic credentials with every request; checking them against the engine's
 * identity tables each time took three queries and three engine commands per request, the largest share of a small
 * request (docs/performance.md). Only successes are remembered: a wrong password always reaches the engine, whose
 * login throttling still applies. A changed password, a removed user or a changed membership takes effect after at
 * most {@code relais.login.remember-for}. Passwords are not kept: an entry is found by an HMAC of id and password
 * under a key made at start and never stored.
 */
@Component
public class VerifiedLogins {
  /** Bounds memory if someone cycles through many valid accounts; the map is simply emptied when full. */
  static final int MAX_ENTRIES = 10_000;
  private static final String HMAC = "HmacSHA256";

  /** Who logged in, and the groups and tenants the engine's authorizations will check. */
  public record Login(String userId, List<String> groups, List<String> tenants) {}

  private final IdentityService identityService;
  private final StaffDirectory staff;
  /** Initialised once with the key; each check works on a clone (a Mac is not thread-safe, finding one is slow). */
  private final Mac keyed;
  /** Right logins by the HMAC of id and password; a wrong one is never kept (null), so it always reaches the engine. */
  private final ShortMemory<String, Login> remembered;

  VerifiedLogins(IdentityService identityService, StaffDirectory staff, IdentityProperties properties) {
    this.identityService = identityService;
    this.staff = staff;
    this.remembered = new ShortMemory<>(properties.login().rememberFor(), MAX_ENTRIES);
    byte[] secret = new byte[32];
    new SecureRandom().nextBytes(secret);
    try {
      this.keyed = Mac.getInstance(HMAC);
      keyed.init(new SecretKeySpec(secret, HMAC));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Every Java has " + HMAC, e);
    }
  }

  /** The login when {@code password} is the user's, checked by the engine or remembered from a recent check. */
  public Optional<Login> check(String userId, String password) {
    if (userId == null || userId.isBlank() || password == null) {
      return Optional.empty();
    }
    return Optional.ofNullable(remembered.get(entryOf(userId, password), entry ->
        identityService.checkPassword(userId, password)
            ? new Login(userId, List.copyOf(staff.groupsOf(userId)), tenantsOf(userId)) : null));
  }

  private List<String> tenantsOf(String userId) {
    return identityService.createTenantQuery().userMember(userId).includingGroupsOfUser(true).list().stream()
        .map(Tenant::getId).toList();
  }

  private String entryOf(String userId, String password) {
    try {
      Mac mac = (Mac) keyed.clone();
      mac.update(userId.getBytes(StandardCharsets.UTF_8));
      mac.update((byte) 0);
      return Base64.getEncoder().encodeToString(mac.doFinal(password.getBytes(StandardCharsets.UTF_8)));
    } catch (CloneNotSupportedException e) {
      throw new IllegalStateException("Every Java's " + HMAC + " can be cloned", e);
    }
  }

  /** For tests: how many logins are remembered now. */
  int size() {
    return remembered.size();
  }
}
