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
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The unsubscribe link of a campaign's message: a token naming the campaign, the customer and the channel, signed
 * with HMAC-SHA256 under a key the service makes on first use and keeps in the database (every node signs and checks
 * with the same key; nobody configures a default). A token altered in any way, or signed with another key, is
 * refused.
 */
@Component
class UnsubscribeLinks {
  private static final String KEY_NAME = "unsubscribe-links";
  private static final Base64.Encoder ENCODE = Base64.getUrlEncoder().withoutPadding();

  private final JdbcClient jdbc;
  private final org.springframework.transaction.support.TransactionTemplate ownTransaction;
  private final Clock clock;
  private final String publicUrl;
  private volatile byte[] key;

  UnsubscribeLinks(JdbcClient jdbc, org.springframework.transaction.PlatformTransactionManager transactions,
      Clock clock, @Value("${relais.notifications.public-url}") String publicUrl) {
    this.jdbc = jdbc;
    this.ownTransaction = new org.springframework.transaction.support.TransactionTemplate(transactions);
    this.ownTransaction.setPropagationBehavior(
        org.springframework.transaction.TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.clock = clock;
    this.publicUrl = publicUrl;
  }

  /** What a valid token names. */
  record Target(long campaignId, long customerId, CampaignRequest.Channel channel) {}

  String link(long campaignId, long customerId, CampaignRequest.Channel channel) {
    String payload = campaignId + "." + customerId + "." + channel.name();
    String token = ENCODE.encodeToString(payload.getBytes(StandardCharsets.US_ASCII)) + "." + sign(payload);
    return publicUrl + "/public/unsubscribe?token=" + token;
  }

  Optional<Target> read(String token) {
    if (token == null || token.length() > 300 || token.indexOf('.') < 0) {
      return Optional.empty();
    }
    try {
      String payload = new String(Base64.getUrlDecoder().decode(token.substring(0, token.indexOf('.'))),
          StandardCharsets.US_ASCII);
      String signature = token.substring(token.indexOf('.') + 1);
      if (!MessageDigest.isEqual(sign(payload).getBytes(StandardCharsets.US_ASCII),
          signature.getBytes(StandardCharsets.US_ASCII))) {
        return Optional.empty();
      }
      String[] parts = payload.split("\\.");
      return Optional.of(new Target(Long.parseLong(parts[0]), Long.parseLong(parts[1]),
          CampaignRequest.Channel.valueOf(parts[2])));
    } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException malformed) {
      return Optional.empty();
    }
  }

  private String sign(String payload) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key(), "HmacSHA256"));
      return ENCODE.encodeToString(mac.doFinal(payload.getBytes(StandardCharsets.US_ASCII)));
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
