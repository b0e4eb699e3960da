package com.relais.crm.campaign;

import com.relais.crm.customer.MarketingCards;
import com.relais.crm.platform.InvalidFieldException;
import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.MustacheException;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * A campaign's subject and text with the customer's merge fields, in Mustache's {@code {{name}}} as the
 * notifications' texts. A field the service does not know is refused when the campaign is saved (400 naming it),
 * never discovered half-way through a sending.
 */
@Component
class CampaignTexts {
  static final java.util.List<String> FIELDS = java.util.List.of("name", "email", "phone", "category",
      "unsubscribeLink");
  private static final Pattern UNKNOWN_FIELD = Pattern.compile("No key, method or field with name '([^']+)'");

  private final Mustache.Compiler strict = Mustache.compiler().escapeHTML(false);

  /** 400 naming the first unknown merge field or a broken template. */
  void check(String field, String template) {
    if (template == null) {
      return;
    }
    Map<String, Object> sample = new HashMap<>();
    FIELDS.forEach(name -> sample.put(name, ""));
    try {
      strict.compile(template).execute(sample);
    } catch (MustacheException broken) {
      Matcher unknown = UNKNOWN_FIELD.matcher(String.valueOf(broken.getMessage()));
      throw new InvalidFieldException(field, unknown.find()
          ? field + ": unknown merge field '" + unknown.group(1) + "'; use " + FIELDS
          : field + ": the template cannot be read: " + broken.getMessage());
    }
  }

  String render(String template, MarketingCards.Card customer, String unsubscribeLink) {
    if (template == null) {
      return null;
    }
    Map<String, Object> fields = new HashMap<>();
    fields.put("name", customer.name());
    fields.put("email", customer.email() == null ? "" : customer.email());
    fields.put("phone", customer.phone() == null ? "" : customer.phone());
    fields.put("category", customer.category());
    fields.put("unsubscribeLink", unsubscribeLink == null ? "" : unsubscribeLink);
    return strict.compile(template).execute(fields);
  }
}
