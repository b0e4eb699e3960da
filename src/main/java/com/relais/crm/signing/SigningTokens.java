package com.relais.crm.signing;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/**
 * The signing tokens (table signing_token): 32 random bytes, URL-safe Base64, of which only the SHA-256 is stored, so
 * the database alone cannot sign. A token is open while it is neither used, nor revoked, nor expired; using it is
 * one conditional update, so of two simultaneous signatures with one token exactly one gets it. Each token has a
 * {@link Purpose}, and is open only for it: a delivery note's link opens nothing on the reception page.
 */
@Component
class SigningTokens {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{43}");
  private static final String OPEN = "used_at is null and revoked_at is null and expires_at > ?";

  private final JdbcClient jdbc;

  SigningTokens(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** What a token signs; the column purpose (V42). */
  enum Purpose {
    /** The delivery note, on /public/sign/{token}. */
    DELIVERY_NOTE,
    /** The reception note, accepted or refused, on /public/reception/{token}. */
    RECEPTION
  }

  /** A new token: the only time its clear text exists, to be mailed or opened on a phone. */
  record Issued(long id, String token, Instant expiresAt) {}

  /** An open token and what it is bound to. */
  record OpenToken(long id, String tokenHash, long documentId, long opportunityId, long customerId,
      String recipient, Instant expiresAt) {}

  Issued issue(Purpose purpose, long documentId, long opportunityId, long customerId, String recipient, Instant now,
      Duration ttl) {
    byte[] random = new byte[32];
    RANDOM.nextBytes(random);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    Instant expires = now.plus(ttl);
    var key = new GeneratedKeyHolder();
    jdbc.sql("insert into signing_token (token_hash, purpose, document_id, opportunity_id, customer_id, recipient,"
            + " created_at, expires_at) values (?, ?, ?, ?, ?, ?, ?, ?)")
        .params(hash(token), purpose.name(), documentId, opportunityId, customerId, recipient, at(now), at(expires))
        .update(key, "id");
    return new Issued(key.getKey().longValue(), token, expires);
  }

  /**
   * The token, if it is open now for this purpose; nothing for an unknown, malformed, used, revoked or expired one,
   * or one made for another purpose.
   */
  Optional<OpenToken> open(Purpose purpose, String token, Instant now) {
    if (token == null || !SHAPE.matcher(token).matches()) {
      return Optional.empty();
    }
    return jdbc.sql("select id, token_hash, document_id, opportunity_id, customer_id, recipient, expires_at"
            + " from signing_token where token_hash = ? and purpose = ? and " + OPEN)
        .params(hash(token), purpose.name(), at(now))
        .query(SigningTokens::row).optional();
  }

  /** Uses the token if it is still open: true for the one caller that gets it. */
  boolean use(long id, Instant now) {
    return jdbc.sql("update signing_token set used_at = ? where id = ? and " + OPEN)
        .params(at(now), id, at(now)).update() == 1;
  }

  /**
   * Ends the deal's tokens of this purpose that are still open (a newer link replaces them, or the note was signed
   * another way).
   */
  int revokeOpen(Purpose purpose, long opportunityId, Instant now) {
    return jdbc.sql("update signing_token set revoked_at = ? where opportunity_id = ? and purpose = ?"
            + " and used_at is null and revoked_at is null")
        .params(at(now), opportunityId, purpose.name()).update();
  }

  static String hash(String token) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(token.getBytes(StandardCharsets.US_ASCII)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static OffsetDateTime at(Instant instant) {
    return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }

  private static OpenToken row(ResultSet rs, int n) throws SQLException {
    return new OpenToken(rs.getLong("id"), rs.getString("token_hash"), rs.getLong("document_id"),
        rs.getLong("opportunity_id"), rs.getLong("customer_id"), rs.getString("recipient"),
        rs.getObject("expires_at", OffsetDateTime.class).toInstant());
  }
}
