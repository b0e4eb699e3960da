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

  static AuthenticationEntryPoint unauthorized(ObjectMapper json) {
    return (request, response, ex) -> {
      response.setHeader("WWW-Authenticate", "Basic realm=\"Relais CRM\"");
      write(json, response, HttpStatus.UNAUTHORIZED, "Log in with your Relais CRM user name and password (HTTP Basic)");
    };
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
