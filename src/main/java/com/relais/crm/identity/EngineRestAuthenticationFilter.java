package com.relais.crm.identity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationProvider;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;

/**
 * The engine's own /engine-rest Basic filter (it sets the engine authentication that authorizations check), with
 * the credentials checked through {@link VerifiedLogins} like /api's, and the groups and tenants handed over so the
 * filter does not read them again on every request. The request runs with {@link RememberedServiceFiles} as its
 * context class loader.
 */
class EngineRestAuthenticationFilter extends ProcessEngineAuthenticationFilter {
  private final VerifiedBasic verifiedBasic;
  private volatile RememberedServiceFiles serviceFiles;

  EngineRestAuthenticationFilter(VerifiedLogins logins) {
    this.verifiedBasic = new VerifiedBasic(logins);
  }

  /**
   * The whole request, resources included, runs with {@link RememberedServiceFiles} as context class loader. A
   * browser gets no Basic challenge ({@link BasicChallenge}).
   */
  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    Thread thread = Thread.currentThread();
    ClassLoader original = thread.getContextClassLoader();
    thread.setContextClassLoader(serviceFilesOver(original));
    try {
      super.doFilter(request, request instanceof HttpServletRequest http && response instanceof HttpServletResponse out
          ? BasicChallenge.withoutChallengeFor(http, out) : response, chain);
    } finally {
      thread.setContextClassLoader(original);
    }
  }

  private ClassLoader serviceFilesOver(ClassLoader original) {
    if (original == null) {
      return null;
    }
    RememberedServiceFiles current = serviceFiles;
    if (current == null || current.getParent() != original) {
      current = new RememberedServiceFiles(original);
      serviceFiles = current;
    }
    return current;
  }

  /** Keeps our provider instead of the class name the engine's filter would instantiate. */
  @Override
  public void init(FilterConfig config) {
    authenticationProvider = verifiedBasic;
    servletPathPrefix = config.getInitParameter(SERVLET_PATH_PREFIX);
  }

  private static final class VerifiedBasic implements AuthenticationProvider {
    private static final String PREFIX = "Basic ";
    private final VerifiedLogins logins;

    VerifiedBasic(VerifiedLogins logins) {
      this.logins = logins;
    }

    @Override
    public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
      String header = request.getHeader("Authorization");
      if (header == null || !header.startsWith(PREFIX)) {
        return AuthenticationResult.unsuccessful();
      }
      String decoded;
      try {
        decoded = new String(Base64.getDecoder().decode(header.substring(PREFIX.length()).strip()),
            StandardCharsets.UTF_8);
      } catch (IllegalArgumentException notBase64) {
        return AuthenticationResult.unsuccessful();
      }
      int colon = decoded.indexOf(':');
      if (colon < 0) {
        return AuthenticationResult.unsuccessful();
      }
      String userId = decoded.substring(0, colon);
      return logins.check(userId, decoded.substring(colon + 1)).map(login -> {
        AuthenticationResult result = AuthenticationResult.successful(login.userId());
        result.setGroups(login.groups());
        result.setTenants(login.tenants());
        return result;
      }).orElseGet(() -> AuthenticationResult.unsuccessful(userId));
    }

    @Override
    public void augmentResponseByAuthenticationChallenge(HttpServletResponse response, ProcessEngine engine) {
      response.setHeader("WWW-Authenticate", PREFIX + "realm=\"" + engine.getName() + "\"");
    }
  }
}
