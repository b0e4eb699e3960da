package com.relais.crm.document;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.ZoneOffset;
import java.util.GregorianCalendar;
import java.util.Hashtable;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureOptions;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.IssuerSerial;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cms.CMSAttributeTableGenerator;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.springframework.stereotype.Component;

/**
 * Signs a PDF digitally, PAdES baseline (B-B): an incremental update adds a signature dictionary (filter
 * Adobe.PPKLite, sub-filter ETSI.CAdES.detached) whose /Contents is a detached CMS signature over every byte of the
 * file but that /Contents itself (the /ByteRange). Changing any byte of the result breaks the signature
 * ({@link PdfSignatureCheck}).
 */
@Component
class PadesSigner {
  /** Room kept for the CMS signature: twice PDFBox's default, for a keystore with a long certificate chain. */
  private static final int SIGNATURE_SPACE = SignatureOptions.DEFAULT_SIGNATURE_SIZE * 2;

  private final SigningKey key;

  PadesSigner(SigningKey key) {
    this.key = key;
  }

  byte[] sign(byte[] pdf, SignerDetails signer) {
    try (PDDocument document = Loader.loadPDF(pdf); SignatureOptions options = new SignatureOptions();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      PDSignature signature = new PDSignature();
      signature.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
      signature.setSubFilter(PDSignature.SUBFILTER_ETSI_CADES_DETACHED);
      signature.setName(signer.name());
      signature.setReason("Signed online by the customer");
      signature.setLocation("Network address " + signer.networkAddress());
      signature.setContactInfo(signer.linkSentTo());
      signature.setSignDate(GregorianCalendar.from(signer.signedAt().atZone(ZoneOffset.UTC)));
      options.setPreferredSignatureSize(SIGNATURE_SPACE);
      document.addSignature(signature, content -> cms(content.readAllBytes()), options);
      document.saveIncremental(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("Could not sign the document", e);
    }
  }

  /** The detached CMS signature of the bytes the /ByteRange covers. */
  private byte[] cms(byte[] signedBytes) throws IOException {
    try {
      X509Certificate certificate = key.certificate();
      CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
      var digests = new JcaDigestCalculatorProviderBuilder().build();
      generator.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(digests)
          .setSignedAttributeGenerator(padesAttributes(certificate))
          .build(new JcaContentSignerBuilder(key.signatureAlgorithm()).build(key.privateKey()), certificate));
      generator.addCertificates(new JcaCertStore(List.of(key.chain())));
      return generator.generate(new CMSProcessableByteArray(signedBytes), false).getEncoded();
    } catch (GeneralSecurityException | OperatorCreationException | CMSException e) {
      throw new IOException("Could not make the CMS signature: " + e.getMessage(), e);
    }
  }

  /**
   * The signed attributes PAdES asks for: content type and message digest (Bouncy Castle's defaults), the signer's
   * certificate named by its SHA-256 hash (signing-certificate-v2), and no CMS signing time, which PAdES leaves to
   * the signature dictionary's /M.
   */
  private static CMSAttributeTableGenerator padesAttributes(X509Certificate certificate)
      throws GeneralSecurityException {
    byte[] hash = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
    JcaX509CertificateHolder holder = new JcaX509CertificateHolder(certificate);
    SigningCertificateV2 signingCertificate = new SigningCertificateV2(
        new ESSCertIDv2(hash, new IssuerSerial(holder.getIssuer(), holder.getSerialNumber())));
    AttributeTable extra = new AttributeTable(new Hashtable<>())
        .add(PKCSObjectIdentifiers.id_aa_signingCertificateV2, signingCertificate);
    CMSAttributeTableGenerator standard = new DefaultSignedAttributeTableGenerator(extra);
    return parameters -> standard.getAttributes(parameters).remove(CMSAttributes.signingTime);
  }
}
