package com.relais.crm.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.relais.crm.customer.AcquisitionSource;
import com.relais.crm.customer.Customer;
import com.relais.crm.customer.CustomerDetails;
import com.relais.crm.customer.CustomerDetails.ConsentChoice;

/**
 * The customer form as the browser posts it: every field a string or a tick box, so that whatever was typed comes
 * back on an error exactly as typed. Turned into the customer module's {@link CustomerDetails} (new customer) or a
 * merge patch (change), which apply the same checks as the API.
 */
class CustomerForm {
  private String name = "";
  private String email = "";
  private String phone = "";
  private String address = "";
  private String category = "";
  private String acquisitionSource = "";
  private boolean emailConsent;
  private String emailConsentSource = "";
  private boolean smsConsent;
  private String smsConsentSource = "";

  static CustomerForm of(Customer customer) {
    CustomerForm form = new CustomerForm();
    form.name = customer.getName();
    form.email = nullToEmpty(customer.getEmail());
    form.phone = nullToEmpty(customer.getPhone());
    form.address = nullToEmpty(customer.getAddress());
    form.category = customer.getCategory();
    form.acquisitionSource = customer.getAcquisitionSource().name();
    form.emailConsent = customer.getEmailConsent().granted();
    form.emailConsentSource = nullToEmpty(customer.getEmailConsent().source());
    form.smsConsent = customer.getSmsConsent().granted();
    form.smsConsentSource = nullToEmpty(customer.getSmsConsent().source());
    return form;
  }

  /** An unknown source is refused by name, like a wrong field in the API; the caller reports it next to the field. */
  CustomerDetails details() {
    return new CustomerDetails(name.strip(), emptyToNull(email), emptyToNull(phone), emptyToNull(address),
        emptyToNull(category), source(), new ConsentChoice(emailConsent, emptyToNull(emailConsentSource)),
        new ConsentChoice(smsConsent, emptyToNull(smsConsentSource)), null, null);
  }

  /**
   * The change as a merge patch: every field of the form, an emptied one cleared; a consent only when it changed, so
   * saving the form does not re-date a consent nobody touched.
   */
  ObjectNode patch(Customer current, ObjectMapper json) {
    CustomerDetails details = details();
    ObjectNode patch = json.createObjectNode();
    patch.put("name", details.name());
    patch.put("email", details.email());
    patch.put("phone", details.phone());
    patch.put("address", details.address());
    patch.put("category", details.category());
    patch.put("acquisitionSource", details.acquisitionSource().name());
    if (emailConsent != current.getEmailConsent().granted()
        || !emptyToNull(emailConsentSource, current.getEmailConsent().source())) {
      patch.set("emailConsent", json.valueToTree(details.emailConsent()));
    }
    if (smsConsent != current.getSmsConsent().granted()
        || !emptyToNull(smsConsentSource, current.getSmsConsent().source())) {
      patch.set("smsConsent", json.valueToTree(details.smsConsent()));
    }
    return patch;
  }

  private AcquisitionSource source() {
    if (acquisitionSource == null || acquisitionSource.isBlank()) {
      return null;
    }
    try {
      return AcquisitionSource.valueOf(acquisitionSource);
    } catch (IllegalArgumentException unknown) {
      throw new com.relais.crm.platform.InvalidFieldException("acquisitionSource",
          "acquisitionSource: not a known source");
    }
  }

  private static boolean emptyToNull(String typed, String stored) {
    return java.util.Objects.equals(emptyToNull(typed), stored);
  }

  private static String emptyToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  private static String nullToEmpty(String value) {
    return value == null ? "" : value;
  }

  public String getName() { return name; }
  public void setName(String name) { this.name = name == null ? "" : name; }
  public String getEmail() { return email; }
  public void setEmail(String email) { this.email = email == null ? "" : email; }
  public String getPhone() { return phone; }
  public void setPhone(String phone) { this.phone = phone == null ? "" : phone; }
  public String getAddress() { return address; }
  public void setAddress(String address) { this.address = address == null ? "" : address; }
  public String getCategory() { return category; }
  public void setCategory(String category) { this.category = category == null ? "" : category; }
  public String getAcquisitionSource() { return acquisitionSource; }
  public void setAcquisitionSource(String source) { this.acquisitionSource = source == null ? "" : source; }
  public boolean isEmailConsent() { return emailConsent; }
  public void setEmailConsent(boolean emailConsent) { this.emailConsent = emailConsent; }
  public String getEmailConsentSource() { return emailConsentSource; }
  public void setEmailConsentSource(String s) { this.emailConsentSource = s == null ? "" : s; }
  public boolean isSmsConsent() { return smsConsent; }
  public void setSmsConsent(boolean smsConsent) { this.smsConsent = smsConsent; }
  public String getSmsConsentSource() { return smsConsentSource; }
  public void setSmsConsentSource(String s) { this.smsConsentSource = s == null ? "" : s; }
}
