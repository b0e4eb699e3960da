package com.relais.crm.signing;

import com.relais.crm.platform.ServiceSecrets;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.springframework.stereotype.Component;

/**
 * The hidden field of the signing form: an HMAC-SHA256 of the token's hash under a key of the service's own
 * ({@link ServiceSecrets}, shared by every node; nobody configures it). The token in the path is the capability;
 * this field proves the post comes from the page the service served for it, so another site that learnt a link
 * cannot post a signature without fetching the page first.
 */
@Component
class SigningPageKey {
  private static final String KEY_NAME = "signing-page-forms";

  private final ServiceSecrets secrets;

  SigningPageKey(ServiceSecrets secrets) {
    this.secrets = secrets;
  }

  String of(String tokenHash) {
    return secrets.hmac(KEY_NAME, "signing-page:" + tokenHash);
  }

  boolean matches(String tokenHash, String given) {
    return given != null && MessageDigest.isEqual(given.getBytes(StandardCharsets.US_ASCII),
        of(tokenHash).getBytes(StandardCharsets.US_ASCII));
  }
}
