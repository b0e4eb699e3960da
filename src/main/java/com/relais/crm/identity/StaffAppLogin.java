package com.relais.crm.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;

/**
 * After a login on the staff web app's page, writes the same session entry the Camunda webapps write at their own
 * login: the person is then logged in to Tasklist and Cockpit too, so a "open in Tasklist" link never asks again,
 * and a later request of the web app is recognised from that entry ({@link WebappSessionLogin}). The session id was
 * already changed by the login (fixation protection) before this runs.
 */
class StaffAppLogin extends SavedRequestAwareAuthenticationSuccessHandler {
  private final ProcessEngine engine;

  StaffAppLogin(ProcessEngine engine) {
    this.engine = engine;
    setDefaultTargetUrl("/");
  }

  @Override
  public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
      Authentication authentication) throws IOException, jakarta.servlet.ServletException {
    UserAuthentication user = AuthenticationUtil.createAuthentication(engine, authentication.getName());
    var session = request.getSession(true);
    Authentications logins = AuthenticationUtil.getAuthsFromSession(session);
    logins.addOrReplace(user);
    AuthenticationUtil.updateSession(session, logins);
    super.onAuthenticationSuccess(request, response, authentication);
  }
}
