package com.relais.crm.engine;

import com.relais.crm.platform.ConflictException;
import com.relais.crm.platform.InvalidFieldException;
import com.relais.crm.platform.NotFoundException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A CRM rule that refuses an engine step (a stage listener refusing to move a lost deal, a delegate finding no such
 * record) throws one of the platform's exceptions inside the engine call. On /engine-rest and in Tasklist that is
 * the caller's request refused, not a server fault: 409, 404 or 400 with the rule's own sentence as the
 * {@code message} Tasklist shows, instead of Camunda's 500. The engine step rolls back as before.
 */
final class EngineRestRefusals {
  private static final Logger log = LoggerFactory.getLogger(EngineRestRefusals.class);

  private EngineRestRefusals() {}

  static Optional<Response> answer(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      Response.Status status = statusOf(t);
      if (status != null) {
        log.info("Engine step refused by a CRM rule ({}): {}", status.getStatusCode(), t.getMessage());
        return Optional.of(Response.status(status)
            .entity(ExceptionHandlerHelper.getInstance().fromException(t))
            .type(MediaType.APPLICATION_JSON_TYPE)
            .build());
      }
    }
    return Optional.empty();
  }

  private static Response.Status statusOf(Throwable t) {
    if (t instanceof ConflictException) {
      return Response.Status.CONFLICT;
    }
    if (t instanceof NotFoundException) {
      return Response.Status.NOT_FOUND;
    }
    if (t instanceof InvalidFieldException) {
      return Response.Status.BAD_REQUEST;
    }
    return null;
  }
}
