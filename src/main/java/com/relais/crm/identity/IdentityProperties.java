package com.relais.crm.identity;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Accounts and access settings, bound from {@code relais.*}. */
@ConfigurationProperties("relais")
public record IdentityProperties(@DefaultValue Demo demo, @DefaultValue Admin admin, @DefaultValue EngineRest engineRest) {
  public record Demo(@DefaultValue("false") boolean enabled) {}

  public record Admin(@DefaultValue("") String password) {}

  public record EngineRest(@DefaultValue("*") List<String> corsAllowedOrigins) {}
}
