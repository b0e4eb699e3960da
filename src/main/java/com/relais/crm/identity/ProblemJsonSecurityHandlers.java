package com.relais.crm.identity;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/** 401 and 403 from the security filters speak the same problem+json as the controllers. */
final class ProblemJsonSecurityHandlers {
  private ProblemJsonSecurityHandlers() {}

  /** 401; the Basic challenge only for programs, never for a browser ({@link BasicChallenge}). */
  static AuthenticationEntryPoint unauthorized(ObjectMapper json) {
    return (request, response, ex) -> {
      if (!BasicChallenge.isForBrowser(request)) {
        response.setHeader(BasicChallenge.HEADER, "Basic realm=\"Relais CRM\"");
      }
      write(json, response, HttpStatus.UNAUTHORIZED, "Log in with your Relais CRM user name and password (HTTP Basic)");
    };
  }

  /** 401 of the e-signature provider's endpoint, which takes no login but a signed request. */
  static AuthenticationEntryPoint unsignedRequest(ObjectMapper json) {
    return (request, response, ex) -> write(json, response, HttpStatus.UNAUTHORIZED, "Sign the request with the"
        + " secret shared with the e-signature provider (header " + SignatureProviderAuthentication.HEADER + ")");
  }

  /**
   * A path nobody serves is a 404 for everyone, logged in or not: no login prompt for a page or a script that
   * asks for something that does not exist (the webapps ask for /camunda-welcome on every login page).
   */
  static AuthenticationEntryPoint notFound(ObjectMapper json) {
    return (request, response, ex) -> write(json, response, HttpStatus.NOT_FOUND, "There is nothing at this path");
  }

  static AccessDeniedHandler notFoundWhenDenied(ObjectMapper json) {
    return (request, response, ex) -> write(json, response, HttpStatus.NOT_FOUND, "There is nothing at this path");
  }

  static AccessDeniedHandler forbidden(ObjectMapper json) {
    return (request, response, ex) -> write(json, response, HttpStatus.FORBIDDEN, "You are not allowed to do this");
  }

  private static void write(ObjectMapper json, HttpServletResponse response, HttpStatus status, String detail)
      throws IOException {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setTitle(status.getReasonPhrase());
    response.setStatus(status.value());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    json.writeValue(response.getOutputStream(), problem);
  }
}
