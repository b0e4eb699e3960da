package com.relais.crm.document;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The quick start's signing key: an RSA key and a self-signed certificate (ten years, digital signature and
 * non-repudiation), written as a PKCS12 file. Enough to make a signed note tamper-evident; a reader's PDF viewer will
 * not know who vouches for it, which a certificate from a recognised authority would say (docs/security.md).
 */
final class SelfSignedKeystore {
  private static final X500Name SUBJECT = new X500Name("CN=Relais CRM document signing (self-signed), O=Relais CRM");
  private static final Duration VALIDITY = Duration.ofDays(3650);

  private SelfSignedKeystore() {}

  /**
   * Writes the keystore to a temporary file of the target's folder (owner-only, as Java creates temporary files on
   * POSIX systems), then renames it into place, so nobody ever reads half a keystore.
   */
  static void create(Path path, char[] password, String alias) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(3072);
      KeyPair pair = generator.generateKeyPair();
      Instant now = Instant.now();
      X509CertificateHolder holder = new JcaX509v3CertificateBuilder(SUBJECT,
          new BigInteger(64, new SecureRandom()).add(BigInteger.ONE), Date.from(now.minus(Duration.ofDays(1))),
          Date.from(now.plus(VALIDITY)), SUBJECT, pair.getPublic())
          .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
          .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation))
          .build(new JcaContentSignerBuilder("SHA256withRSA").build(pair.getPrivate()));
      X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(holder);

      KeyStore keystore = KeyStore.getInstance("PKCS12");
      keystore.load(null, null);
      keystore.setKeyEntry(alias, pair.getPrivate(), password, new Certificate[] {certificate});
      Path folder = path.toAbsolutePath().getParent();
      Files.createDirectories(folder);
      Path written = Files.createTempFile(folder, "signing-", ".p12.tmp");
      try (OutputStream out = Files.newOutputStream(written)) {
        keystore.store(out, password);
      }
      try {
        Files.move(written, path, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException notHere) {
        Files.move(written, path, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Could not write the self-signed signing keystore " + path, e);
    } catch (GeneralSecurityException | OperatorCreationException e) {
      throw new IllegalStateException("Could not make the self-signed signing key", e);
    }
  }
}
