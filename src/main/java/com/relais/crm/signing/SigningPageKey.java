package com.relais.crm.signing;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
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
 * The hidden field of the signing form: an HMAC-SHA256 of the token's hash under a key the service makes on first
 * use and keeps in the database (table service_secret, shared by every node; nobody configures it). The token in the
 * path is the capability; this field proves the post comes from the page the service served for it, so another site
 * that learnt a link cannot post a signature without fetching the page first.
 */
@Component
class SigningPageKey {
  private static final String KEY_NAME = "signing-page-forms";

  private final JdbcClient jdbc;
  private final TransactionTemplate ownTransaction;
  private final Clock clock;
  private volatile byte[] key;

  SigningPageKey(JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock) {
    this.jdbc = jdbc;
    this.ownTransaction = new TransactionTemplate(transactions);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.clock = clock;
  }

  String of(String tokenHash) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(mac(tokenHash));
  }

  boolean matches(String tokenHash, String given) {
    return given != null && MessageDigest.isEqual(given.getBytes(StandardCharsets.US_ASCII),
        of(tokenHash).getBytes(StandardCharsets.US_ASCII));
  }

  private byte[] mac(String tokenHash) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key(), "HmacSHA256"));
      return mac.doFinal(("signing-page:" + tokenHash).getBytes(StandardCharsets.US_ASCII));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private byte[] key() {
    if (key == null) {
      String stored;
      try {
        stored = ownTransaction.execute(status -> load().orElseGet(this::create));
      } catch (DuplicateKeyException anotherNodeWasFirst) {
        // read again in a fresh transaction: on PostgreSQL the refused insert ended the one it ran in
        stored = ownTransaction.execute(status -> load().orElseThrow());
      }
      key = Base64.getDecoder().decode(stored);
    }
    return key;
  }

  /**
   * Read and made in transactions of their own: the key must exist for every node whatever the caller does next,
   * and an insert refused because another node was first must not spoil the caller's transaction.
   */
  private Optional<String> load() {
    return jdbc.sql("select secret from service_secret where name = ?").param(KEY_NAME).query(String.class)
        .optional();
  }

  private String create() {
    byte[] fresh = new byte[32];
    new SecureRandom().nextBytes(fresh);
    String secret = Base64.getEncoder().encodeToString(fresh);
    jdbc.sql("insert into service_secret (name, secret, created_at) values (?, ?, ?)")
        .params(KEY_NAME, secret, Timestamp.from(clock.instant())).update();
    return secret;
  }
}
