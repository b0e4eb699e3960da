package com.relais.crm.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.relais.crm.platform.DatabaseOutage;
import jakarta.annotation.Priority;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.camunda.bpm.engine.rest.exception.ExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A login the service remembers (see VerifiedLogins) lets an /engine-rest request reach the engine without
 * touching the database, so a lost database now shows up inside Jersey, where Camunda's catch-all mapper would
 * answer 500. The same 503 problem+json with Retry-After as /api and the filter in front of the login checks.
 */
final class EngineRestOutage {
  private static final Logger log = LoggerFactory.getLogger(EngineRestOutage.class);
  private static final String PROBLEM_JSON = "application/problem+json";
  private final byte[] body;

  EngineRestOutage(ObjectMapper json) {
    try {
      this.body = json.writeValueAsBytes(DatabaseOutage.problem());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("The outage answer cannot be written as JSON", e);
    }
  }

  /** The 503 when the failure is a lost database, else empty so the caller keeps its own answer. */
  java.util.Optional<Response> answer(Throwable failure) {
    if (!DatabaseOutage.isCause(failure)) {
      return java.util.Optional.empty();
    }
    log.warn("Database unavailable during an /engine-rest request: {}", failure.toString());
    return java.util.Optional.of(Response.status(Response.Status.SERVICE_UNAVAILABLE)
        .header("Retry-After", DatabaseOutage.RETRY_AFTER_SECONDS)
        .type(PROBLEM_JSON)
        .entity(body)
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
    private final EngineRestOutage outage;

    AnyFault(EngineRestOutage outage) {
      this.outage = outage;
    }

    @Override
    public Response toResponse(Throwable failure) {
      return outage.answer(failure).orElseGet(() -> camunda.toResponse(failure));
    }
  }
}
