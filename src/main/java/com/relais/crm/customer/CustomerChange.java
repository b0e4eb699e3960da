package com.relais.crm.customer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.relais.crm.platform.InvalidFieldException;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Applies a change to a customer as a JSON merge patch (RFC 7396): each named field replaces the current value, a
 * null clears it, and whatever is not named stays. A consent is replaced whole and must say whether it is granted,
 * so none is ever withdrawn by omission. The result is checked like a new customer; any error changes nothing.
 */
@Component
class CustomerChange {
  private static final Set<String> CONSENTS = Set.of("emailConsent", "smsConsent");

  private final ObjectMapper json;
  private final Validator validator;

  CustomerChange(ObjectMapper json, Validator validator) {
    this.json = json;
    this.validator = validator;
  }

  CustomerDetails apply(CustomerDetails current, JsonNode changes) {
    if (changes == null || !changes.isObject()) {
      throw new InvalidFieldException("body", "The change must be a JSON object naming the fields to change");
    }
    ObjectNode merged = json.valueToTree(current);
    changes.fields().forEachRemaining(field -> {
      String name = field.getKey();
      JsonNode value = field.getValue();
      if (value.isNull() && CONSENTS.contains(name)) {
        throw new InvalidFieldException(name,
            name + " cannot be cleared; to withdraw it, say so: {'granted': false, 'source': 'how it was withdrawn'}");
      }
      if (value.isNull()) {
        merged.remove(name);
      } else {
        merged.set(name, value);
      }
    });
    CustomerDetails details = read(merged);
    var violations = validator.validate(details);
    if (!violations.isEmpty()) {
      throw new ConstraintViolationException(violations);
    }
    return details;
  }

  private CustomerDetails read(ObjectNode merged) {
    try {
      return json.treeToValue(merged, CustomerDetails.class);
    } catch (UnrecognizedPropertyException unknown) {
      throw new InvalidFieldException(unknown.getPropertyName(), "Unknown field '" + unknown.getPropertyName() + "'");
    } catch (MismatchedInputException wrong) {
      String field = wrong.getPath().stream()
          .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
          .collect(Collectors.joining("."));
      throw new InvalidFieldException(field, "Field '" + field + "' has a wrong value");
    } catch (JsonProcessingException e) {
      throw new InvalidFieldException("body", "The change could not be read: " + e.getOriginalMessage());
    }
  }
}
