package com.relais.crm.campaign;

import com.relais.crm.platform.ServiceSecrets;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Tokens of the public pages (unsubscribing, confirming a sign-up): a payload and its HMAC-SHA256, under a key of
 * the service's own ({@link ServiceSecrets}: made on first use, kept in the database, the same on every node). The
 * purpose is signed with the payload: a token of one page is refused by another.
 */
@Component
class SignedTokens {
  private static final String KEY_NAME = "public-page-tokens";
  private static final Base64.Encoder ENCODE = Base64.getUrlEncoder().withoutPadding();

  private final ServiceSecrets secrets;

  SignedTokens(ServiceSecrets secrets) {
    this.secrets = secrets;
  }

  String sign(String purpose, String payload) {
    return ENCODE.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + mac(purpose + ":" + payload);
  }

  /** The payload of a token signed for this purpose; nothing for a forged, altered or malformed one. */
  Optional<String> read(String purpose, String token) {
    if (token == null || token.length() > 400 || token.indexOf('.') < 0) {
      return Optional.empty();
    }
    try {
      String payload = new String(Base64.getUrlDecoder().decode(token.substring(0, token.indexOf('.'))),
          StandardCharsets.UTF_8);
      byte[] given = token.substring(token.indexOf('.') + 1).getBytes(StandardCharsets.US_ASCII);
      byte[] expected = mac(purpose + ":" + payload).getBytes(StandardCharsets.US_ASCII);
      return MessageDigest.isEqual(given, expected) ? Optional.of(payload) : Optional.empty();
    } catch (IllegalArgumentException malformed) {
      return Optional.empty();
    }
  }

  private String mac(String text) {
    return secrets.hmac(KEY_NAME, text);
  }
}
