package com.relais.crm.document;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Collections;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The key and certificate chain documents are signed with, read once at start: from the PKCS12 keystore the settings
 * name ({@code relais.signing.keystore}, {@code keystore-password}, {@code key-alias}) or, when none is named, from a
 * self-signed one the service makes at its first start under the data directory and reuses after; it logs which.
 * A keystore that cannot be read stops the start, rather than the first customer's signature.
 */
@Component
class SigningKey {
  private static final Logger log = LoggerFactory.getLogger(SigningKey.class);
  /** The made keystore's password: the file's permissions protect it; a password kept beside it would add nothing. */
  static final String GENERATED_PASSWORD = "relais-self-signed";
  static final String GENERATED_ALIAS = "relais-signing";

  private final PrivateKey privateKey;
  private final X509Certificate[] chain;
  private final String signatureAlgorithm;

  SigningKey(SigningKeyProperties properties) {
    boolean configured = hasText(properties.keystore());
    Path path = Path.of(configured ? properties.keystore() : properties.generatedKeystore());
    char[] password;
    if (configured) {
      if (!hasText(properties.keystorePassword())) {
        throw new IllegalStateException("relais.signing.keystore is set but relais.signing.keystore-password"
            + " (SIGNING_KEYSTORE_PASSWORD) is not");
      }
      password = properties.keystorePassword().toCharArray();
    } else {
      password = GENERATED_PASSWORD.toCharArray();
      if (Files.notExists(path)) {
        SelfSignedKeystore.create(path, password, GENERATED_ALIAS);
        log.warn("No signing keystore is configured (relais.signing.keystore): made a self-signed signing key and"
            + " certificate at {}. Signed documents are tamper-evident, but PDF readers do not know who vouches for"
            + " this certificate; configure a keystore with a certificate from a recognised authority for"
            + " production (docs/security.md).", path.toAbsolutePath());
      } else {
        log.info("Signing documents with the self-signed key made earlier at {}", path.toAbsolutePath());
      }
    }
    try {
      KeyStore keystore = KeyStore.getInstance("PKCS12");
      try (InputStream in = Files.newInputStream(path)) {
        keystore.load(in, password);
      }
      String alias = hasText(properties.keyAlias()) ? properties.keyAlias() : firstKeyEntry(keystore, path);
      Key key = keystore.getKey(alias, password);
      Certificate[] certificates = keystore.getCertificateChain(alias);
      if (!(key instanceof PrivateKey) || certificates == null || certificates.length == 0) {
        throw new IllegalStateException("The signing keystore " + path + " has no private key with its certificate"
            + " under the alias '" + alias + "'");
      }
      this.privateKey = (PrivateKey) key;
      this.chain = Arrays.stream(certificates).map(X509Certificate.class::cast).toArray(X509Certificate[]::new);
      this.signatureAlgorithm = algorithmFor(privateKey);
      warnWhenNotValidNow(chain[0], path);
      log.info("Documents are signed as '{}'", chain[0].getSubjectX500Principal().getName());
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException("Could not read the signing keystore " + path.toAbsolutePath() + ": "
          + e.getMessage(), e);
    }
  }

  PrivateKey privateKey() {
    return privateKey;
  }

  X509Certificate certificate() {
    return chain[0];
  }

  X509Certificate[] chain() {
    return chain.clone();
  }

  /** The JCA name of the signature this key makes: SHA-256 with RSA or ECDSA. */
  String signatureAlgorithm() {
    return signatureAlgorithm;
  }

  private static String algorithmFor(PrivateKey key) {
    return switch (key.getAlgorithm()) {
      case "RSA" -> "SHA256withRSA";
      case "EC" -> "SHA256withECDSA";
      default -> throw new IllegalStateException("The signing key must be an RSA or EC key, not "
          + key.getAlgorithm());
    };
  }

  private static String firstKeyEntry(KeyStore keystore, Path path) throws GeneralSecurityException {
    for (String alias : Collections.list(keystore.aliases())) {
      if (keystore.isKeyEntry(alias)) {
        return alias;
      }
    }
    throw new IllegalStateException("The signing keystore " + path + " holds no private key");
  }

  private static void warnWhenNotValidNow(X509Certificate certificate, Path path) {
    try {
      certificate.checkValidity();
    } catch (CertificateException e) {
      log.warn("The signing certificate in {} is not valid today ({}): signatures made with it will be flagged by"
          + " PDF readers", path.toAbsolutePath(), e.getMessage());
    }
  }

  private static boolean hasText(String value) {
    return value != null && !value.isBlank();
  }
}
