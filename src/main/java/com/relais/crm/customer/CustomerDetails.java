package com.relais.crm.customer;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * What a user gives when creating or changing a customer. Only a name is required: a new customer is a {@code
 * PROSPECT} from source {@code OTHER} unless the caller says otherwise, and has no consent until one is given.
 */
public record CustomerDetails(
    @NotBlank @Size(max = 200) String name,
    @Email @Size(max = 320) String email,
    @Size(max = 40) @Pattern(regexp = "^[+0-9 ()./-]*$", message = "may hold digits, spaces and + ( ) . / - only")
    String phone,
    @Size(max = 500) String address,
    @Size(max = 40) String category,
    AcquisitionSource acquisitionSource,
    @Valid ConsentChoice emailConsent,
    @Valid ConsentChoice smsConsent,
    @DecimalMin("-90.0") @DecimalMax("90.0") Double latitude,
    @DecimalMin("-180.0") @DecimalMax("180.0") Double longitude) {

  /**
   * Consent on one channel and how it was obtained (a web form, a signed contract, a phone call). {@code granted} is
   * always said: a consent is never withdrawn by leaving it out.
   */
  public record ConsentChoice(@NotNull Boolean granted, @Size(max = 200) String source) {
    static final ConsentChoice NOT_GIVEN = new ConsentChoice(false, null);

    static ConsentChoice of(Consent consent) {
      return new ConsentChoice(consent.granted(), consent.source());
    }
  }

  /** The customer as it is now, the base a change is applied to. */
  static CustomerDetails of(Customer c) {
    return new CustomerDetails(c.getName(), c.getEmail(), c.getPhone(), c.getAddress(), c.getCategory(),
        c.getAcquisitionSource(), ConsentChoice.of(c.getEmailConsent()), ConsentChoice.of(c.getSmsConsent()),
        c.getLatitude(), c.getLongitude());
  }

  public CustomerDetails {
    category = category == null ? CustomerCategory.PROSPECT : category;
    acquisitionSource = acquisitionSource == null ? AcquisitionSource.OTHER : acquisitionSource;
    emailConsent = emailConsent == null ? ConsentChoice.NOT_GIVEN : emailConsent;
    smsConsent = smsConsent == null ? ConsentChoice.NOT_GIVEN : smsConsent;
  }
}
