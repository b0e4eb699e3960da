package com.relais.crm.customer;

import com.relais.crm.audit.AuditedAs;
import jakarta.persistence.AttributeOverride;
import jakarta.persistence.AttributeOverrides;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.time.Instant;

@AuditedAs(value = "customer", ignore = {"phoneKey", "nameKey"})
@Entity
public class Customer {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  private String name;
  private String email;
  private String phone;
  private String address;

  /** Where the customer is (WGS 84 degrees), for the couriers' rounds; both or neither in practice, both optional. */
  private Double latitude;
  private Double longitude;

  /** {@link ContactKeys} of the phone and the name, kept so that finding a duplicate is an index read. */
  private String phoneKey;
  private String nameKey;

  /** A code of the category catalogue ({@link CustomerCategories}). */
  private String category;

  @Enumerated(EnumType.STRING)
  private AcquisitionSource acquisitionSource;

  @Embedded
  @AttributeOverrides({
      @AttributeOverride(name = "granted", column = @Column(name = "email_consent")),
      @AttributeOverride(name = "changedAt", column = @Column(name = "email_consent_at")),
      @AttributeOverride(name = "source", column = @Column(name = "email_consent_how"))})
  private Consent emailConsent;

  @Embedded
  @AttributeOverrides({
      @AttributeOverride(name = "granted", column = @Column(name = "sms_consent")),
      @AttributeOverride(name = "changedAt", column = @Column(name = "sms_consent_at")),
      @AttributeOverride(name = "source", column = @Column(name = "sms_consent_how"))})
  private Consent smsConsent;

  private String createdBy;
  private Instant createdAt;
  private Instant updatedAt;

  @Version
  private long version;

  protected Customer() {}

  Customer(CustomerDetails details, String createdBy, Instant now) {
    this.createdBy = createdBy;
    this.createdAt = now;
    this.emailConsent = Consent.none();
    this.smsConsent = Consent.none();
    update(details, now);
  }

  void update(CustomerDetails details, Instant now) {
    this.name = details.name().strip();
    this.email = details.email() == null || details.email().isBlank() ? null : details.email().strip().toLowerCase();
    this.phone = details.phone();
    this.phoneKey = ContactKeys.phone(phone).orElse(null);
    this.nameKey = ContactKeys.name(name);
    this.address = details.address();
    this.latitude = details.latitude();
    this.longitude = details.longitude();
    this.category = details.category();
    this.acquisitionSource = details.acquisitionSource();
    this.emailConsent = emailConsent.changedTo(details.emailConsent().granted(), details.emailConsent().source(), now);
    this.smsConsent = smsConsent.changedTo(details.smsConsent().granted(), details.smsConsent().source(), now);
    this.updatedAt = now;
  }

  boolean grantConsent(boolean sms, String how, Instant now) {
    Consent current = sms ? smsConsent : emailConsent;
    if (current.granted()) {
      return false;
    }
    Consent granted = current.changedTo(true, how, now);
    if (sms) {
      smsConsent = granted;
    } else {
      emailConsent = granted;
    }
    updatedAt = now;
    return true;
  }

  boolean withdrawConsent(boolean sms, String how, Instant now) {
    Consent current = sms ? smsConsent : emailConsent;
    if (!current.granted() && current.changedAt() != null) {
      return false;
    }
    Consent withdrawn = current.changedTo(false, how, now);
    if (sms) {
      smsConsent = withdrawn;
    } else {
      emailConsent = withdrawn;
    }
    updatedAt = now;
    return true;
  }

  /**
   * A won deal makes a prospect, or a customer who had lapsed, a customer; a key account or a partner keeps its
   * category.
   *
   * @return whether the category changed
   */
  boolean wonADeal(Instant now) {
    if (!CustomerCategory.PROSPECT.equals(category) && !CustomerCategory.INACTIVE.equals(category)) {
      return false;
    }
    category = CustomerCategory.CUSTOMER;
    updatedAt = now;
    return true;
  }

  public Long getId() {
    return id;
  }

  public String getName() {
    return name;
  }

  public String getEmail() {
    return email;
  }

  public String getPhone() {
    return phone;
  }

  public String getAddress() {
    return address;
  }

  public Double getLatitude() {
    return latitude;
  }

  public Double getLongitude() {
    return longitude;
  }

  public String getCategory() {
    return category;
  }

  public AcquisitionSource getAcquisitionSource() {
    return acquisitionSource;
  }

  public Consent getEmailConsent() {
    return emailConsent;
  }

  public Consent getSmsConsent() {
    return smsConsent;
  }

  public String getCreatedBy() {
    return createdBy;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public Instant getUpdatedAt() {
    return updatedAt;
  }

  /** Counts the changes to this record; an import's undo compares it to tell a record changed since. */
  public long getVersion() {
    return version;
  }

  /** The consents' source after an erasure: the proof that the person was asked nothing more. */
  static final String ERASURE = "erasure";

  /** The name an erased customer keeps, so that their deals and the reports still have a customer to point at. */
  static String erasedName(long id) {
    return "Erased customer " + id;
  }

  /**
   * The person asked to be forgotten: who they were and how to reach them go, both consents are withdrawn with the
   * erasure as their source, and the category, acquisition source and dates stay for the reports.
   */
  void anonymise(Instant now) {
    this.name = erasedName(id);
    this.email = null;
    this.phone = null;
    this.address = null;
    this.latitude = null;
    this.longitude = null;
    this.phoneKey = null;
    this.nameKey = ContactKeys.name(name);
    this.emailConsent = emailConsent.changedTo(false, ERASURE, now);
    this.smsConsent = smsConsent.changedTo(false, ERASURE, now);
    this.updatedAt = now;
  }
}
