package com.relais.crm;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * How the external e-signature provider signs its calls (docs/security.md): header {@value #HEADER} =
 * {@code sha256=} and the hex HMAC-SHA256, under the shared secret, of the request path, a line feed and the body.
 * {@link #SECRET} is the tests' secret (src/test/resources/config/application.yml; the fault and benchmark nodes get
 * it as a setting).
 */
public final class SignatureProvider {
  public static final String HEADER = "X-Relais-Signature";
  public static final String SECRET = "test-e-signature-provider-secret-0123456789";

  private SignatureProvider() {}

  public static String header(String path, byte[] body) {
    return header(SECRET, path, body);
  }

  public static String header(String secret, String path, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      mac.update(path.getBytes(StandardCharsets.UTF_8));
      mac.update((byte) '\n');
      return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
