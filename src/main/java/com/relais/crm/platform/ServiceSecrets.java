package com.relais.crm.platform;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keys the service makes for itself on first use and keeps in the database (table service_secret), so that every
 * node signs and checks with the same key and nobody configures a default: the public pages' tokens, the signing
 * form's hidden field. Each key has a name; a purpose never shares another's key.
 */
@Component
public class ServiceSecrets {
  private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

  private final JdbcClient jdbc;
  private final TransactionTemplate ownTransaction;
  private final Clock clock;
  private final Map<String, byte[]> keys = new ConcurrentHashMap<>();

  ServiceSecrets(JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock) {
    this.jdbc = jdbc;
    this.ownTransaction = new TransactionTemplate(transactions);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.clock = clock;
  }

  /** HMAC-SHA256 of the text (UTF-8) under the named key, base64url without padding. */
  public String hmac(String keyName, String text) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key(keyName), "HmacSHA256"));
      return URL.encodeToString(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private byte[] key(String name) {
    return keys.computeIfAbsent(name, this::loadOrCreate);
  }

  /**
   * Read and made in transactions of their own: the key must exist for every node whatever the caller does next,
   * and an insert refused because another node was first must not spoil the caller's transaction. The second read
   * runs in a fresh transaction too: on PostgreSQL the refused insert ended the one it ran in.
   */
  private byte[] loadOrCreate(String name) {
    String stored;
    try {
      stored = ownTransaction.execute(status -> load(name).orElseGet(() -> create(name)));
    } catch (DuplicateKeyException anotherNodeWasFirst) {
      stored = ownTransaction.execute(status -> load(name).orElseThrow());
    }
    return Base64.getDecoder().decode(stored);
  }

  private Optional<String> load(String name) {
    return jdbc.sql("select secret from service_secret where name = ?").param(name).query(String.class).optional();
  }

  private String create(String name) {
    byte[] fresh = new byte[32];
    new SecureRandom().nextBytes(fresh);
    String secret = Base64.getEncoder().encodeToString(fresh);
    jdbc.sql("insert into service_secret (name, secret, created_at) values (?, ?, ?)")
        .params(name, secret, Timestamp.from(clock.instant())).update();
    return secret;
  }
}
