package com.relais.crm.identity;

import java.util.List;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * Checks /api passwords against the engine's identity service (through {@link VerifiedLogins}), so that the users
 * an admin manages in the Admin webapp are the same everywhere. Each engine group becomes a {@code GROUP_<id>}
 * authority.
 */
@Component
class EngineIdentityAuthenticationProvider implements AuthenticationProvider {
  private final VerifiedLogins logins;

  EngineIdentityAuthenticationProvider(VerifiedLogins logins) {
    this.logins = logins;
  }

  @Override
  public Authentication authenticate(Authentication authentication) {
    Object credentials = authentication.getCredentials();
    VerifiedLogins.Login login = logins.check(authentication.getName(),
        credentials == null ? null : credentials.toString())
        .orElseThrow(() -> new BadCredentialsException("Wrong user name or password"));
    List<SimpleGrantedAuthority> authorities = login.groups().stream()
        .map(group -> new SimpleGrantedAuthority(CurrentUser.GROUP_PREFIX + group))
        .toList();
    return UsernamePasswordAuthenticationToken.authenticated(login.userId(), null, authorities);
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }
}
