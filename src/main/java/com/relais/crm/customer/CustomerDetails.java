package com.relais.crm.customer;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** What a user gives when creating or updating a customer. */
public record CustomerDetails(
    @NotBlank @Size(max = 200) String name,
    @Email @Size(max = 320) String email,
    @Size(max = 40) @Pattern(regexp = "^[+0-9 ()./-]*$", message = "may hold digits, spaces and + ( ) . / - only")
    String phone,
    @Size(max = 500) String address,
    @NotNull CustomerCategory category,
    @NotNull AcquisitionSource acquisitionSource,
    @Valid ConsentChoice emailConsent,
    @Valid ConsentChoice smsConsent) {

  /** Consent on one channel and how it was obtained (a web form, a signed contract, a phone call). */
  public record ConsentChoice(boolean granted, @Size(max = 200) String source) {
    static final ConsentChoice NOT_GIVEN = new ConsentChoice(false, null);
  }

  public CustomerDetails {
    emailConsent = emailConsent == null ? ConsentChoice.NOT_GIVEN : emailConsent;
    smsConsent = smsConsent == null ? ConsentChoice.NOT_GIVEN : smsConsent;
  }
}
