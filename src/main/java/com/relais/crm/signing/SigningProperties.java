package com.relais.crm.signing;

import java.time.Duration;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the signing links (relais.signing in application.yml; the keystore and the provider's secret in the
 * same block belong to the document and identity modules).
 */
@ConfigurationProperties("relais.signing")
record SigningProperties(
    /** How long a signing link works after it was sent (a reception link too). */
    @DefaultValue("P7D") Duration tokenTtl,
    /** The service's address as customers reach it: the mailed link starts with it. */
    @DefaultValue("http://localhost:8080") String publicUrl,
    /** The company's time zone, in which the mail says until when the link works. */
    @DefaultValue("Europe/Paris") ZoneId zone) {

  SigningProperties {
    publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
  }
}
