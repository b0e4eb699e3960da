package com.relais.crm.platform;

import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.validation.ConstraintViolationException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mapping.PropertyReferenceException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns every failure under /api into application/problem+json with a sentence a person can act on.
 * Field errors are listed in {@code errors} so a form can point at the field; stack traces never leave the server.
 */
@RestControllerAdvice(basePackages = "com.relais.crm")
class ProblemResponses extends ResponseEntityExceptionHandler {
  private static final Logger log = LoggerFactory.getLogger(ProblemResponses.class);

  @Override
  protected ResponseEntity<Object> handleMethodArgumentNotValid(
      MethodArgumentNotValidException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    List<Map<String, String>> errors = ex.getBindingResult().getFieldErrors().stream()
        .sorted(Comparator.comparing(FieldError::getField))
        .map(e -> Map.of("field", e.getField(), "message", String.valueOf(e.getDefaultMessage())))
        .toList();
    String fields = errors.stream().map(e -> e.get("field") + " " + e.get("message")).collect(Collectors.joining("; "));
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "Invalid fields: " + fields);
    problem.setTitle("Invalid request");
    problem.setProperty("errors", errors);
    return ResponseEntity.badRequest().body(problem);
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(
      HttpMessageNotReadableException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, unreadableReason(ex));
    problem.setTitle("Unreadable request body");
    fieldOf(ex).ifPresent(f -> problem.setProperty("errors", List.of(Map.of("field", f, "message", "has a wrong value"))));
    return ResponseEntity.badRequest().body(problem);
  }

  private static String unreadableReason(HttpMessageNotReadableException ex) {
    Throwable cause = ex.getCause();
    if (cause instanceof UnrecognizedPropertyException unknown) {
      return "Unknown field '" + unknown.getPropertyName() + "'";
    }
    if (cause instanceof InvalidFormatException format) {
      String field = path(format);
      if (format.getTargetType() != null && format.getTargetType().isEnum()) {
        return "Field '" + field + "' must be one of " + List.of(format.getTargetType().getEnumConstants())
            + ", not '" + format.getValue() + "'";
      }
      return "Field '" + field + "' has a value of the wrong format: '" + format.getValue() + "'";
    }
    if (cause instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
      return "Field '" + path(mismatch) + "' has a value of the wrong type";
    }
    return "The request body is not valid JSON";
  }

  private static java.util.Optional<String> fieldOf(HttpMessageNotReadableException ex) {
    return ex.getCause() instanceof MismatchedInputException m && !m.getPath().isEmpty()
        ? java.util.Optional.of(path(m))
        : java.util.Optional.empty();
  }

  private static String path(MismatchedInputException ex) {
    return ex.getPath().stream()
        .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
        .collect(Collectors.joining("."));
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ProblemDetail typeMismatch(MethodArgumentTypeMismatchException ex) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
        "Parameter '" + ex.getName() + "' has a wrong value: '" + ex.getValue() + "'");
    problem.setTitle("Invalid request");
    problem.setProperty("errors", List.of(Map.of("field", ex.getName(), "message", "has a wrong value")));
    return problem;
  }

  @ExceptionHandler(PropertyReferenceException.class)
  ProblemDetail unknownSortProperty(PropertyReferenceException ex) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
        "Cannot sort by '" + ex.getPropertyName() + "': no such field");
    problem.setTitle("Invalid request");
    problem.setProperty("errors", List.of(Map.of("field", "sort", "message", "unknown field " + ex.getPropertyName())));
    return problem;
  }

  @ExceptionHandler(ConstraintViolationException.class)
  ProblemDetail constraintViolation(ConstraintViolationException ex) {
    List<Map<String, String>> errors = ex.getConstraintViolations().stream()
        .map(v -> Map.of("field", leaf(v.getPropertyPath().toString()), "message", v.getMessage()))
        .toList();
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "Invalid fields: "
        + errors.stream().map(e -> e.get("field") + " " + e.get("message")).collect(Collectors.joining("; ")));
    problem.setTitle("Invalid request");
    problem.setProperty("errors", errors);
    return problem;
  }

  private static String leaf(String path) {
    return path.substring(path.lastIndexOf('.') + 1);
  }

  @ExceptionHandler(InvalidFieldException.class)
  ProblemDetail invalidField(InvalidFieldException ex) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage());
    problem.setTitle("Invalid request");
    problem.setProperty("errors", List.of(Map.of("field", ex.field(), "message", ex.getMessage())));
    return problem;
  }

  @ExceptionHandler(NotFoundException.class)
  ProblemDetail notFound(NotFoundException ex) {
    if (!ex.publicMessage().equals(ex.getMessage())) {
      log.warn("Not found: {}", ex.getMessage());
    }
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, ex.publicMessage());
    problem.setTitle("Not found");
    return problem;
  }

  @ExceptionHandler(ConflictException.class)
  ProblemDetail conflict(ConflictException ex) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, ex.getMessage());
    problem.setTitle("Conflict");
    return problem;
  }

  @ExceptionHandler(OptimisticLockingFailureException.class)
  ProblemDetail concurrentChange(OptimisticLockingFailureException ex) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
        "Someone else changed this record at the same time; reload it and try again");
    problem.setTitle("Conflict");
    return problem;
  }

  /** A store or server we depend on is down: a retry later may work, and nothing was half-written. */
  @ExceptionHandler(ServiceUnavailableException.class)
  ProblemDetail serviceUnavailable(ServiceUnavailableException ex) {
    log.warn(ex.getMessage(), ex);
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, ex.publicMessage());
    problem.setTitle("Service unavailable");
    return problem;
  }

  @ExceptionHandler(AccessDeniedException.class)
  ProblemDetail forbidden(AccessDeniedException ex) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, ex.getMessage());
    problem.setTitle("Forbidden");
    return problem;
  }

  /**
   * A database that is down or restarting answers 503, so callers retry instead of piling up; DatabaseOutage reads
   * the whole cause chain because the engine and JPA wrap the driver's error differently. Anything else is a bug.
   */
  @ExceptionHandler(Exception.class)
  ResponseEntity<ProblemDetail> unexpected(Exception ex) {
    if (DatabaseOutage.isCause(ex)) {
      log.warn("Database unavailable: {}", ex.toString());
      return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
          .header(HttpHeaders.RETRY_AFTER, DatabaseOutage.RETRY_AFTER_SECONDS).body(DatabaseOutage.problem());
    }
    log.error("Unexpected failure", ex);
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
        "Something went wrong on our side. The error is in the server log.");
    problem.setTitle("Internal error");
    return ResponseEntity.internalServerError().body(problem);
  }
}
