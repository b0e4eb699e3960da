package com.relais.crm.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.relais.crm.platform.DatabaseOutage;
import jakarta.annotation.Priority;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Optional;
import org.camunda.bpm.engine.rest.exception.ExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

/**
 * A login the service remembers (see VerifiedLogins) lets an /engine-rest request reach the engine without
 * touching the database, so a lost database now shows up inside Jersey, where Camunda's catch-all mapper would
 * answer 500. The same 503 problem+json with Retry-After as /api and the filter in front of the login checks; the
 * webapps' engine API (Tasklist, whose session needs no database either) gets these mappers too.
 */
final class EngineRestOutage {
  private static final Logger log = LoggerFactory.getLogger(EngineRestOutage.class);
  private static final String PROBLEM_JSON = "application/problem+json";
  /**
   * Written by the builder Spring MVC uses, so the body is the same problem+json as on /api. The mappers are
   * created by Jersey from their class names (the webapps' engine API takes them that way), so nothing is injected.
   */
  private static final byte[] BODY = problemJson();

  private EngineRestOutage() {}

  private static byte[] problemJson() {
    ObjectMapper json = Jackson2ObjectMapperBuilder.json().build();
    try {
      return json.writeValueAsBytes(DatabaseOutage.problem());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("The outage answer cannot be written as JSON", e);
    }
  }

  /** The 503 when the failure is a lost database, else empty so the caller keeps its own answer. */
  static Optional<Response> answer(Throwable failure) {
    if (!DatabaseOutage.isCause(failure)) {
      return Optional.empty();
    }
    log.warn("Database unavailable during an engine API request: {}", failure.toString());
    return Optional.of(Response.status(Response.Status.SERVICE_UNAVAILABLE)
        .header("Retry-After", DatabaseOutage.RETRY_AFTER_SECONDS)
        .type(PROBLEM_JSON)
        .entity(BODY)
        .build());
  }

  /**
   * Failures that are no engine exception (Spring's CannotCreateTransactionException from the engine's
   * transaction manager, for one). Takes precedence over Camunda's catch-all mapper (lower priority value wins).
   */
  @Provider
  @Priority(1)
  static class AnyFault implements ExceptionMapper<Throwable> {
    private final ExceptionHandler camunda = new ExceptionHandler();

    @Override
    public Response toResponse(Throwable failure) {
      return answer(failure).or(() -> EngineRestRefusals.answer(failure)).orElseGet(() -> camunda.toResponse(failure));
    }
  }
}
