package com.relais.crm.dataexchange;

import com.relais.crm.customer.ContactKeys;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The customer fields a column can fill, with the headers of typical French and English exports that name them
 * (compared without case, accents or punctuation: "Téléphone", "telephone" and "TEL." are one).
 */
enum CustomerField {
  NAME("name", "nom", "name", "raison sociale", "societe", "company", "client", "customer", "nom du client",
      "customer name", "entreprise"),
  EMAIL("email", "email", "e mail", "mail", "courriel", "adresse e mail", "email address", "adresse email"),
  PHONE("phone", "telephone", "tel", "phone", "mobile", "portable", "phone number", "numero de telephone"),
  ADDRESS("address", "adresse", "address", "adresse postale", "postal address"),
  CATEGORY("category", "categorie", "category", "type de client", "segment"),
  SOURCE("acquisitionSource", "source", "origine", "acquisition source", "acquisitionsource", "canal d acquisition",
      "provenance"),
  EMAIL_CONSENT("emailConsent", "consentement email", "consentement e mail", "email consent", "emailconsent",
      "opt in email", "optin email"),
  EMAIL_CONSENT_SOURCE("emailConsentSource", "source du consentement email", "source consentement email",
      "source du consentement e mail", "source consentement e mail",
      "email consent source", "emailconsentsource"),
  SMS_CONSENT("smsConsent", "consentement sms", "sms consent", "smsconsent", "opt in sms", "optin sms"),
  SMS_CONSENT_SOURCE("smsConsentSource", "source du consentement sms", "source consentement sms", "sms consent source",
      "smsconsentsource"),
  LATITUDE("latitude", "latitude", "lat"),
  LONGITUDE("longitude", "longitude", "lng", "lon", "long");

  private final String apiName;
  private final List<String> headers;

  CustomerField(String apiName, String... headers) {
    this.apiName = apiName;
    this.headers = List.of(headers);
  }

  String apiName() {
    return apiName;
  }

  /** The field a header names, if it is one of the usual ones. */
  static Optional<CustomerField> byHeader(String header) {
    String key = ContactKeys.name(header);
    return Arrays.stream(values()).filter(field -> field.headers.contains(key)).findFirst();
  }

  /** The field an explicit mapping names, by its API name ({@code email}, {@code acquisitionSource}...). */
  static Optional<CustomerField> byApiName(String name) {
    return Arrays.stream(values()).filter(field -> field.apiName.equalsIgnoreCase(name)).findFirst();
  }

  static List<String> apiNames() {
    return Arrays.stream(values()).map(CustomerField::apiName).toList();
  }
}
