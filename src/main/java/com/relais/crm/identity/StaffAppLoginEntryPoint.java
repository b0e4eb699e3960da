package com.relais.crm.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;

/**
 * Sends a person without a session to the login page. A page request is redirected (and comes back after login); an
 * htmx request (a timeline page, the unread count) answers 401 with {@code HX-Redirect}, which htmx follows for the
 * whole page, so the login form never lands inside a fragment. The offline queue's fetch sees the 401 and keeps its
 * exchange for after the next login.
 */
class StaffAppLoginEntryPoint implements AuthenticationEntryPoint {
  private final LoginUrlAuthenticationEntryPoint pages = new LoginUrlAuthenticationEntryPoint("/login");

  @Override
  public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
      throws IOException, jakarta.servlet.ServletException {
    if (request.getHeader("HX-Request") != null || "fetch".equals(request.getHeader("X-Requested-With"))) {
      response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
      response.setHeader("HX-Redirect", "/login");
      return;
    }
    pages.commence(request, response, failure);
  }
}
