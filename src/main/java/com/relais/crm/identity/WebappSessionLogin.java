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
 * Lets a person logged in to Tasklist or Cockpit open what a task links to under /api (the delivery note of the
 * "send for e-signature" form, a customer) in the same browser, without a second login: a GET or HEAD that brings no
 * Basic credentials but the webapps' session is that session's user, with the groups the webapps resolved at login.
 * Only reads: a change through /api still needs Basic credentials, so no cookie can be ridden to change anything
 * (the reason /api has no CSRF token). The session is never created here, only read.
 */
class WebappSessionLogin extends OncePerRequestFilter {
  private static final Set<String> READS = Set.of("GET", "HEAD");
  private static final String ENGINE = "default";

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (READS.contains(request.getMethod()) && request.getHeader(HttpHeaders.AUTHORIZATION) == null) {
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
