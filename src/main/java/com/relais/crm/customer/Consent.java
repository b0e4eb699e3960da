package com.relais.crm.customer;

import jakarta.persistence.Embeddable;
import java.time.Instant;
import java.util.Objects;

/**
 * A customer's consent on one channel, with when and how it was given or withdrawn: campaigns and notifications
 * must be able to prove it. Immutable; a change makes a new value stamped with the time of the change.
 */
@Embeddable
public class Consent {
  private boolean granted;
  private Instant changedAt;
  private String source;

  protected Consent() {}

  private Consent(boolean granted, Instant changedAt, String source) {
    this.granted = granted;
    this.changedAt = changedAt;
    this.source = source;
  }

  static Consent none() {
    return new Consent(false, null, null);
  }

  /** Keeps the old stamp when nothing changed, so re-saving a customer does not rewrite consent history. */
  Consent changedTo(boolean nowGranted, String nowSource, Instant now) {
    if (nowGranted == granted && Objects.equals(nowSource, source)) {
      return this;
    }
    return new Consent(nowGranted, now, nowSource);
  }

  public boolean granted() {
    return granted;
  }

  public Instant changedAt() {
    return changedAt;
  }

  public String source() {
    return source;
  }
}
