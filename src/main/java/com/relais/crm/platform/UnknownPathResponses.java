package com.relais.crm.platform;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * A path that no controller serves is answered by Spring's resource handler, which {@link ProblemResponses} (scoped
 * to our controllers) never sees; without this advice the answer was Spring Boot's own error JSON. Now an unknown
 * path is the same problem+json 404 as every other error.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class UnknownPathResponses {

  @ExceptionHandler({NoResourceFoundException.class, NoHandlerFoundException.class})
  ProblemDetail unknownPath(Exception ex) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
        "There is nothing at this path; the API reference is at /v3/api-docs");
    problem.setTitle("Not found");
    return problem;
  }
}
