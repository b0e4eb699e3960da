package com.relais.crm.identity;

import com.relais.crm.platform.BodyReadAlready;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The external e-signature provider's login on its one endpoint ({@value #PATH}): no user and password, but an
 * HMAC-SHA256 of each request under the secret shared with the provider ({@code relais.signing.provider-secret}),
 * sent as {@code X-Relais-Signature: sha256=<hex>} over the request path, a line feed and the body's bytes. The path is
 * signed with the body so that a request made for one deal cannot be replayed on another; the same request sent again
 * is harmless (the endpoint acknowledges a repeated signature without effect). A request without the header, with a
 * wrong one, or any request while no secret is set, stays anonymous and its security chain refuses it (401). The body
 * (at most {@value #MAX_BODY} bytes) is read here and handed on unchanged.
 */
public final class SignatureProviderAuthentication extends OncePerRequestFilter {
  public static final String HEADER = "X-Relais-Signature";
  public static final String PATH = "/api/opportunities/{id}/delivery-note/signature";
  static final String AUTHORITY = "SIGNATURE_PROVIDER";
  /** {@code @PreAuthorize}: the e-signature provider, authenticated by its HMAC; never a staff member. */
  public static final String PROVIDER_ONLY = "hasAuthority('" + AUTHORITY + "')";

  private static final Logger log = LoggerFactory.getLogger(SignatureProviderAuthentication.class);
  private static final String PRINCIPAL = "e-signature provider";
  private static final String PREFIX = "sha256=";
  private static final int MAX_BODY = 16 * 1024;
  private static final int SHORTEST_SECRET = 32;

  /** Empty: no request is ever authenticated. */
  private final byte[] secret;

  private SignatureProviderAuthentication(byte[] secret) {
    this.secret = secret;
  }

  /** Outside the demo a secret shorter than {@value #SHORTEST_SECRET} characters stops the start. */
  static SignatureProviderAuthentication withSecret(String secret, boolean demo) {
    if (secret == null || secret.isBlank()) {
      log.info("relais.signing.provider-secret is not set: POST {} refuses every call", PATH);
      return new SignatureProviderAuthentication(new byte[0]);
    }
    if (secret.length() < SHORTEST_SECRET && !demo) {
      throw new IllegalStateException("relais.signing.provider-secret (SIGNING_PROVIDER_SECRET) must have at least "
          + SHORTEST_SECRET + " characters");
    }
    return new SignatureProviderAuthentication(secret.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String header = request.getHeader(HEADER);
    if (secret.length == 0 || header == null || !header.startsWith(PREFIX)) {
      chain.doFilter(request, response);
      return;
    }
    byte[] body = request.getInputStream().readNBytes(MAX_BODY + 1);
    if (body.length <= MAX_BODY && matches(header.substring(PREFIX.length()).trim(), request.getRequestURI(), body)) {
      SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
          PRINCIPAL, null, List.of(new SimpleGrantedAuthority(AUTHORITY))));
    }
    chain.doFilter(new BodyReadAlready(request, body), response);
  }

  private boolean matches(String givenHex, String path, byte[] body) {
    byte[] given;
    try {
      given = HexFormat.of().parseHex(givenHex);
    } catch (IllegalArgumentException notHex) {
      return false;
    }
    return MessageDigest.isEqual(given, mac(secret, path, body));
  }

  private static byte[] mac(byte[] secret, String path, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      mac.update(path.getBytes(StandardCharsets.UTF_8));
      mac.update((byte) '\n');
      return mac.doFinal(body);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
