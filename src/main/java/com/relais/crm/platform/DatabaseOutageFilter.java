package com.relais.crm.platform;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Outside the controllers (the Basic-auth checks of /api and /engine-rest read the engine's users from the database)
 * a lost database would surface as a 500 from the servlet container. This filter, in front of both, answers 503.
 */
class DatabaseOutageFilter extends OncePerRequestFilter {
  private static final Logger log = LoggerFactory.getLogger(DatabaseOutageFilter.class);
  private final ObjectMapper json;

  DatabaseOutageFilter(ObjectMapper json) {
    this.json = json;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    try {
      chain.doFilter(request, response);
    } catch (RuntimeException | ServletException e) {
      if (!DatabaseOutage.isCause(e) || response.isCommitted()) {
        throw e;
      }
      log.warn("Database unavailable during {} {}: {}", request.getMethod(), request.getRequestURI(), e.toString());
      response.resetBuffer();
      response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
      response.setHeader("Retry-After", DatabaseOutage.RETRY_AFTER_SECONDS);
      response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
      json.writeValue(response.getOutputStream(), DatabaseOutage.problem());
    }
  }
}
