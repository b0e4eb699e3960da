package com.relais.crm.identity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * One login for the browser: the webapps' session (Tasklist, Cockpit, or the staff web app, whose login writes the
 * same session entry, see {@link StaffAppLogin}) is that session's user, with the groups resolved at login.
 * <ul>
 * <li>Under /api ({@link #readsOnly()}): a person logged in to Tasklist opens what a task links to (the delivery
 * note, a customer) without a second login; only GET and HEAD without Basic credentials, so no cookie can be ridden
 * to change anything (the reason /api has no CSRF token).</li>
 * <li>In the staff web app ({@link #allRequests()}): every request, its changes guarded by the app's CSRF token.
 * Logging out of either side ends both, as there is one session entry.</li>
 * </ul>
 * The session is never created here, only read.
 */
class WebappSessionLogin extends OncePerRequestFilter {
  private static final Set<String> READS = Set.of("GET", "HEAD");
  static final String ENGINE = "default";

  private final boolean readsOnly;

  private WebappSessionLogin(boolean readsOnly) {
    this.readsOnly = readsOnly;
  }

  static WebappSessionLogin readsOnly() {
    return new WebappSessionLogin(true);
  }

  static WebappSessionLogin allRequests() {
    return new WebappSessionLogin(false);
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if ((!readsOnly || READS.contains(request.getMethod())) && request.getHeader(HttpHeaders.AUTHORIZATION) == null) {
      HttpSession session = request.getSession(false);
      if (session != null) {
        Authentications logins = AuthenticationUtil.getAuthsFromSession(session);
        if (logins != null && logins.getAuthenticationForProcessEngine(ENGINE) instanceof UserAuthentication user) {
          List<SimpleGrantedAuthority> groups = user.getGroupIds().stream()
              .map(group -> new SimpleGrantedAuthority(CurrentUser.GROUP_PREFIX + group)).toList();
          SecurityContextHolder.getContext().setAuthentication(
              UsernamePasswordAuthenticationToken.authenticated(user.getName(), null, groups));
        }
      }
    }
    chain.doFilter(request, response);
  }
}
