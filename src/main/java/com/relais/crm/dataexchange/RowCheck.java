package com.relais.crm.dataexchange;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.relais.crm.customer.AcquisitionSource;
import com.relais.crm.customer.CategoryEntry;
import com.relais.crm.customer.ContactKeys;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads one row into the customer fields it gives, or says in words why it cannot be imported. Only the cells that
 * hold something become fields, so updating an existing customer changes what the file says and nothing else.
 */
class RowCheck {
  private static final Set<String> YES = Set.of("oui", "yes", "true", "vrai", "1", "x", "o", "y");
  private static final Set<String> NO = Set.of("non", "no", "false", "faux", "0", "n");
  private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

  /** A row that can be imported: its fields as a merge patch, and the keys it is matched on. */
  record Candidate(ObjectNode fields, String emailKey, String phoneKey, String nameKey) {}

  /** A row's verdict: a candidate, or the reason it is rejected. */
  record Verdict(Candidate candidate, String rejection) {
    static Verdict rejected(String reason) {
      return new Verdict(null, reason);
    }
  }

  private final ColumnMapping mapping;
  private final int headerWidth;
  private final List<CategoryEntry> categories;
  private final String fileName;
  private final ObjectMapper json;

  RowCheck(ColumnMapping mapping, int headerWidth, List<CategoryEntry> categories, String fileName, ObjectMapper json) {
    this.mapping = mapping;
    this.headerWidth = headerWidth;
    this.categories = categories;
    this.fileName = fileName;
    this.json = json;
  }

  Verdict check(List<String> row) {
    int width = lastFilled(row) + 1;
    if (width > headerWidth) {
      return Verdict.rejected("the row has " + width + " values but the header names " + headerWidth + " columns");
    }
    String name = mapping.value(row, CustomerField.NAME);
    if (name == null) {
      return Verdict.rejected("the name is missing");
    }
    ObjectNode fields = json.createObjectNode();
    fields.put("name", name);
    String email = mapping.value(row, CustomerField.EMAIL);
    if (email != null) {
      if (!EMAIL.matcher(email).matches()) {
        return Verdict.rejected("e-mail '" + email + "' is not an e-mail address");
      }
      fields.put("email", email);
    }
    String phone = mapping.value(row, CustomerField.PHONE);
    Optional<String> phoneKey = ContactKeys.phone(phone);
    if (phone != null) {
      if (phoneKey.isEmpty()) {
        return Verdict.rejected("phone '" + phone + "' is not a phone number (digits, with +33 or a leading 0)");
      }
      fields.put("phone", phone);
    }
    String address = mapping.value(row, CustomerField.ADDRESS);
    if (address != null) {
      fields.put("address", address);
    }
    String category = mapping.value(row, CustomerField.CATEGORY);
    if (category != null) {
      Optional<String> code = categoryCode(category);
      if (code.isEmpty()) {
        return Verdict.rejected("category '" + category + "' is not in the catalogue (one of "
            + categories.stream().map(CategoryEntry::code).toList() + ")");
      }
      fields.put("category", code.get());
    }
    String source = mapping.value(row, CustomerField.SOURCE);
    if (source != null) {
      Optional<AcquisitionSource> known = sourceOf(source);
      if (known.isEmpty()) {
        return Verdict.rejected("source '" + source + "' is not an acquisition source (one of "
            + Arrays.toString(AcquisitionSource.values()) + ")");
      }
      fields.put("acquisitionSource", known.get().name());
    }
    String placeProblem = place(row, fields);
    if (placeProblem != null) {
      return Verdict.rejected(placeProblem);
    }
    String consentProblem = consent(row, fields, "emailConsent", "e-mail", CustomerField.EMAIL_CONSENT,
        CustomerField.EMAIL_CONSENT_SOURCE);
    if (consentProblem == null) {
      consentProblem = consent(row, fields, "smsConsent", "SMS", CustomerField.SMS_CONSENT,
          CustomerField.SMS_CONSENT_SOURCE);
    }
    if (consentProblem != null) {
      return Verdict.rejected(consentProblem);
    }
    return new Verdict(new Candidate(fields, ContactKeys.email(email), phoneKey.orElse(null), ContactKeys.name(name)),
        null);
  }

  /**
   * Where the customer is, for the couriers' rounds: both coordinates or neither, in degrees, a decimal comma
   * accepted (a French spreadsheet writes 45,75).
   */
  private String place(List<String> row, ObjectNode fields) {
    String latitude = mapping.value(row, CustomerField.LATITUDE);
    String longitude = mapping.value(row, CustomerField.LONGITUDE);
    if (latitude == null && longitude == null) {
      return null;
    }
    if (latitude == null || longitude == null) {
      return "a place needs both its latitude and its longitude";
    }
    Double lat = degrees(latitude, 90);
    if (lat == null) {
      return "latitude '" + latitude + "' is not a number of degrees from -90 to 90";
    }
    Double lon = degrees(longitude, 180);
    if (lon == null) {
      return "longitude '" + longitude + "' is not a number of degrees from -180 to 180";
    }
    fields.put("latitude", lat);
    fields.put("longitude", lon);
    return null;
  }

  private static Double degrees(String text, double limit) {
    try {
      double value = Double.parseDouble(text.strip().replace(',', '.'));
      return Double.isFinite(value) && Math.abs(value) <= limit ? value : null;
    } catch (NumberFormatException notANumber) {
      return null;
    }
  }

  /**
   * A consent is taken only with how it was given: a "yes" without its source is refused rather than guessed; a
   * "no" is recorded as said by this file.
   */
  private String consent(List<String> row, ObjectNode fields, String field, String channel, CustomerField column,
      CustomerField sourceColumn) {
    String said = mapping.value(row, column);
    if (said == null) {
      return null;
    }
    String answer = said.toLowerCase(Locale.ROOT);
    String source = mapping.value(row, sourceColumn);
    if (YES.contains(answer)) {
      if (source == null) {
        return channel + " consent is given without how it was obtained (a column such as 'source du"
            + " consentement " + channel.toLowerCase(Locale.ROOT) + "')";
      }
      fields.putObject(field).put("granted", true).put("source", source);
      return null;
    }
    if (NO.contains(answer)) {
      fields.putObject(field).put("granted", false).put("source", source != null ? source : "import of " + fileName);
      return null;
    }
    return channel + " consent '" + said + "' is neither yes nor no";
  }

  private Optional<String> categoryCode(String given) {
    String key = ContactKeys.name(given);
    return categories.stream()
        .filter(entry -> entry.code().equalsIgnoreCase(given.replace(' ', '_'))
            || (key != null && key.equals(ContactKeys.name(entry.label()))))
        .map(CategoryEntry::code).findFirst();
  }

  private static Optional<AcquisitionSource> sourceOf(String given) {
    String code = given.strip().toUpperCase(Locale.ROOT).replaceAll("[ -]+", "_");
    return Arrays.stream(AcquisitionSource.values()).filter(source -> source.name().equals(code)).findFirst();
  }

  private static int lastFilled(List<String> row) {
    for (int i = row.size() - 1; i >= 0; i--) {
      if (row.get(i) != null && !row.get(i).isBlank()) {
        return i;
      }
    }
    return -1;
  }
}
