package com.relais.crm.identity;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The secret shared with the external e-signature provider (relais.signing.provider-secret, SIGNING_PROVIDER_SECRET;
 * the other keys of relais.signing belong to the document and signing modules). No default outside the demo
 * profile: unset, the provider's endpoint refuses every call.
 */
@ConfigurationProperties("relais.signing")
record SignatureProviderProperties(String providerSecret) {}
