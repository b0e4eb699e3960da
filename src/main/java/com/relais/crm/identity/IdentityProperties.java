package com.relais.crm.identity;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Accounts and access settings, bound from {@code relais.*}. */
@ConfigurationProperties("relais")
public record IdentityProperties(@DefaultValue Demo demo, @DefaultValue Admin admin, @DefaultValue EngineRest engineRest,
    @DefaultValue Login login) {
  public record Demo(@DefaultValue("false") boolean enabled) {}

  public record Admin(@DefaultValue("") String password) {}

  public record EngineRest(@DefaultValue("*") List<String> corsAllowedOrigins) {}

  /** How long a right user id and password are remembered ({@link VerifiedLogins}); zero checks every request. */
  public record Login(@DefaultValue("PT30S") Duration rememberFor) {}
}
