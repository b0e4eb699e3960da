package com.relais.crm.document;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the key that signs documents comes from (relais.signing in application.yml; the signing module and the
 * e-signature provider's secret read other keys of the same block). No keystore: a self-signed one is made at the
 * first start in {@code generatedKeystore} and used from then on.
 */
@ConfigurationProperties("relais.signing")
record SigningKeyProperties(
    /** A PKCS12 file holding the signing key and its certificate chain; empty: the self-signed one. */
    String keystore,
    String keystorePassword,
    /** The key's alias in the keystore; empty: its first key entry. */
    String keyAlias,
    @DefaultValue("./data/signing/relais-signing.p12") String generatedKeystore) {}
