package com.relais.crm.web;

import com.relais.crm.platform.InvalidFieldException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Errors said in words next to the field they concern: the bean checks of the modules' request records (the same
 * annotations the API applies) and the field a service names when it refuses (an unknown category, a retired type).
 */
@Component
class FieldErrors {
  private final Validator validator;

  FieldErrors(Validator validator) {
    this.validator = validator;
  }

  /** Field name (as in the form) to message; empty when all is well. */
  <T> Map<String, String> check(T request) {
    Map<String, String> errors = new LinkedHashMap<>();
    Set<ConstraintViolation<T>> violations = validator.validate(request);
    for (ConstraintViolation<T> violation : violations) {
      errors.putIfAbsent(formField(violation.getPropertyPath().toString()), violation.getMessage());
    }
    return errors;
  }

  static Map<String, String> of(InvalidFieldException refused) {
    return Map.of(formField(refused.field()), message(refused));
  }

  /** The service says "field: why"; the field is shown beside it already. */
  private static String message(InvalidFieldException refused) {
    String message = refused.getMessage();
    String prefix = refused.field() + ": ";
    return message != null && message.startsWith(prefix) ? message.substring(prefix.length()) : message;
  }

  /** "emailConsent.source" is the form's "emailConsentSource". */
  static String formField(String path) {
    return switch (path) {
      case "emailConsent.source" -> "emailConsentSource";
      case "smsConsent.source" -> "smsConsentSource";
      default -> path.contains(".") ? path.substring(0, path.indexOf('.')) : path;
    };
  }
}
