package com.relais.crm.engine;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.ProcessEngineExceptionHandler;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine answers some refusals of bad input with 500: a diagram its parser rejects (a DOCTYPE, an external
 * entity, an entity bomb: "ENGINE-09003/09005 Could not parse"), a Java-serialized variable while Java serialization
 * is off ("ENGINE-17007"). These are the caller's fault, so /engine-rest answers them with 400 and the engine's own
 * message (never a stack trace). Every other failure keeps Camunda's answer.
 * A variable of a type with no serializer here (XML) is also the caller's fault. A lost database is a 503
 * ({@link EngineRestOutage}) whichever exception carries it; a CRM rule's refusal is a 4xx ({@link
 * EngineRestRefusals}).
 */
final class EngineRestClientFaults {
  private static final Logger log = LoggerFactory.getLogger(EngineRestClientFaults.class);
  /**
   * Message codes (or, where the engine gives none, the message) of engine refusals caused by what the caller sent:
   * a diagram the parser rejects, a Java-serialized variable, a variable of a type this service has no format for
   * (XML: no Spin XML data format is installed).
   */
  private static final List<String> CLIENT_FAULT_CODES = List.of("ENGINE-09003", "ENGINE-09005", "ENGINE-17007",
      "Cannot find serializer for value");

  private EngineRestClientFaults() {}

  static boolean isClientFault(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof BadUserRequestException || t instanceof ParseException) {
        return true;
      }
      String message = t.getMessage();
      if (message != null && CLIENT_FAULT_CODES.stream().anyMatch(message::contains)) {
        return true;
      }
    }
    return false;
  }

  /** What Camunda would answer; only its 500s are looked at again. */
  private static boolean isServerError(Throwable failure) {
    return ExceptionHandlerHelper.getInstance().getStatus(failure).getStatusCode() >= 500;
  }

  static Response badRequest(Throwable failure) {
    log.info("Refused bad input on /engine-rest: {}", failure.getMessage());
    return Response.status(Response.Status.BAD_REQUEST)
        .entity(ExceptionHandlerHelper.getInstance().fromException(failure))
        .type(MediaType.APPLICATION_JSON_TYPE)
        .build();
  }

  /** Takes precedence over Camunda's mapper for the same type (lower priority value wins). */
  @Provider
  @Priority(1)
  static class EngineFaults implements ExceptionMapper<ProcessEngineException> {
    private final ProcessEngineExceptionHandler camunda = new ProcessEngineExceptionHandler();

    @Override
    public Response toResponse(ProcessEngineException failure) {
      return EngineRestOutage.answer(failure).or(() -> EngineRestRefusals.answer(failure)).orElseGet(() ->
          isServerError(failure) && isClientFault(failure) ? badRequest(failure) : camunda.toResponse(failure));
    }
  }

  @Provider
  @Priority(1)
  static class RestFaults implements ExceptionMapper<RestException> {
    private final RestExceptionHandler camunda = new RestExceptionHandler();

    @Override
    public Response toResponse(RestException failure) {
      return EngineRestOutage.answer(failure).or(() -> EngineRestRefusals.answer(failure)).orElseGet(() ->
          isServerError(failure) && isClientFault(failure.getCause()) ? badRequest(failure) : camunda.toResponse(failure));
    }
  }
}
