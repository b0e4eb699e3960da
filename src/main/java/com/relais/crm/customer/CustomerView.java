package com.relais.crm.customer;

import java.time.Instant;

/** A customer as the API shows it. */
public record CustomerView(
    Long id, String name, String email, String phone, String address, String category,
    AcquisitionSource acquisitionSource, ConsentView emailConsent, ConsentView smsConsent,
    String createdBy, Instant createdAt, Instant updatedAt, Double latitude, Double longitude) {

  public record ConsentView(boolean granted, Instant changedAt, String source) {
    static ConsentView of(Consent consent) {
      return new ConsentView(consent.granted(), consent.changedAt(), consent.source());
    }
  }

  static CustomerView of(Customer c) {
    return new CustomerView(c.getId(), c.getName(), c.getEmail(), c.getPhone(), c.getAddress(), c.getCategory(),
        c.getAcquisitionSource(), ConsentView.of(c.getEmailConsent()), ConsentView.of(c.getSmsConsent()),
        c.getCreatedBy(), c.getCreatedAt(), c.getUpdatedAt(), c.getLatitude(), c.getLongitude());
  }
}
