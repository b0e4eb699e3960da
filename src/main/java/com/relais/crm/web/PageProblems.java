package com.relais.crm.web;

import com.relais.crm.platform.NotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * A missing or forbidden record in the web app is a page saying so in words, with the search box to go on, not the
 * API's problem JSON. Same statuses as the API: 404 for what does not exist or may not be seen, 403 for a deal the
 * person may not open.
 */
@ControllerAdvice(basePackageClasses = PageProblems.class)
@org.springframework.core.annotation.Order(org.springframework.core.Ordered.HIGHEST_PRECEDENCE)
class PageProblems {

  @ExceptionHandler(NotFoundException.class)
  @ResponseStatus(HttpStatus.NOT_FOUND)
  String notFound(Model model) {
    model.addAttribute("problem", "problem.notFound");
    return "web/problem";
  }

  @ExceptionHandler(AccessDeniedException.class)
  @ResponseStatus(HttpStatus.FORBIDDEN)
  String forbidden(Model model) {
    model.addAttribute("problem", "problem.forbidden");
    return "web/problem";
  }
}
