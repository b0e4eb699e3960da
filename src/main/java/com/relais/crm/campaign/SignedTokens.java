package com.relais.crm.campaign;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Tokens of the public pages (unsubscribing, confirming a sign-up): a payload and its HMAC-SHA256, under a key the
 * service makes on first use and keeps in the database, so every node signs and checks with the same key and
 * nobody configures a default. The purpose is signed with the payload: a token of one page is refused by another.
 */
@Component
class SignedTokens {
  private static final String KEY_NAME = "public-page-tokens";
  private static final Base64.Encoder ENCODE = Base64.getUrlEncoder().withoutPadding();

  private final JdbcClient jdbc;
  private final TransactionTemplate ownTransaction;
  private final Clock clock;
  private volatile byte[] key;

  SignedTokens(JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock) {
    this.jdbc = jdbc;
    this.ownTransaction = new TransactionTemplate(transactions);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.clock = clock;
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
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key(), "HmacSHA256"));
      return ENCODE.encodeToString(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private byte[] key() {
    if (key == null) {
      String stored = ownTransaction.execute(status -> loadOrCreate());
      key = Base64.getDecoder().decode(stored);
    }
    return key;
  }

  /**
   * In a transaction of its own: the key must exist for every node whatever the caller's step does after, and a
   * refused insert (another node was first) must not spoil the caller's transaction.
   */
  private String loadOrCreate() {
    Optional<String> stored = jdbc.sql("select secret from service_secret where name = ?").param(KEY_NAME)
        .query(String.class).optional();
    if (stored.isPresent()) {
      return stored.get();
    }
    byte[] fresh = new byte[32];
    new SecureRandom().nextBytes(fresh);
    try {
      jdbc.sql("insert into service_secret (name, secret, created_at) values (?, ?, ?)")
          .params(KEY_NAME, Base64.getEncoder().encodeToString(fresh), Timestamp.from(clock.instant())).update();
      return Base64.getEncoder().encodeToString(fresh);
    } catch (DuplicateKeyException anotherNodeWasFirst) {
      return jdbc.sql("select secret from service_secret where name = ?").param(KEY_NAME).query(String.class)
          .single();
    }
  }
}
