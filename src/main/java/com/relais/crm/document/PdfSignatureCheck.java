package com.relais.crm.document;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Calendar;
import java.util.Collection;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.asn1.ASN1InputStream;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.util.Selector;

/**
 * Checks a PDF's own digital signature. It is intact only when all of these hold: the /ByteRange starts at the first
 * byte and ends at the last, its gap is exactly the /Contents hex string (uppercase, as PDFBox writes it, so even a
 * changed letter case counts as a change), the CMS structure fills that string with nothing but zero padding after
 * it, and the CMS signature verifies over the covered bytes with the certificate it names. Anything unreadable is
 * simply not intact.
 */
final class PdfSignatureCheck {
  private PdfSignatureCheck() {}

  static SignatureStatus check(byte[] pdf, X509Certificate serviceCertificate) {
    String name;
    Calendar date;
    int[] range;
    try (PDDocument document = Loader.loadPDF(pdf)) {
      List<PDSignature> signatures = document.getSignatureDictionaries();
      if (signatures.isEmpty()) {
        return SignatureStatus.UNSIGNED;
      }
      PDSignature signature = signatures.get(signatures.size() - 1);
      name = signature.getName();
      date = signature.getSignDate();
      range = signature.getByteRange();
    } catch (IOException | RuntimeException unreadable) {
      return SignatureStatus.UNSIGNED;
    }
    byte[] contents = contentsOf(pdf, range);
    X509CertificateHolder signer = contents == null ? null : verifiedSigner(pdf, range, contents);
    if (signer == null) {
      return new SignatureStatus(true, name, date == null ? null : date.toInstant(), false, null, false);
    }
    return new SignatureStatus(true, name, date == null ? null : date.toInstant(), true,
        signer.getSubject().toString(), isService(signer, serviceCertificate));
  }

  /**
   * The bytes of the /Contents string when the byte range covers the whole file but exactly that string; null
   * otherwise.
   */
  private static byte[] contentsOf(byte[] pdf, int[] range) {
    if (range.length != 4) {
      return null;
    }
    long start = range[0];
    long gapStart = range[1];
    long gapEnd = range[2];
    long tail = range[3];
    if (start != 0 || gapStart <= 0 || gapEnd <= gapStart + 1 || tail < 0 || gapEnd + tail != pdf.length) {
      return null;
    }
    int from = (int) gapStart;
    int to = (int) gapEnd - 1;
    if (pdf[from] != '<' || pdf[to] != '>' || (to - from - 1) % 2 != 0) {
      return null;
    }
    byte[] contents = new byte[(to - from - 1) / 2];
    for (int i = 0; i < contents.length; i++) {
      int high = upperHex(pdf[from + 1 + 2 * i]);
      int low = upperHex(pdf[from + 2 + 2 * i]);
      if (high < 0 || low < 0) {
        return null;
      }
      contents[i] = (byte) (high << 4 | low);
    }
    return contents;
  }

  private static int upperHex(byte b) {
    if (b >= '0' && b <= '9') {
      return b - '0';
    }
    return b >= 'A' && b <= 'F' ? b - 'A' + 10 : -1;
  }

  /** The certificate whose key made a valid signature over the covered bytes; null when there is none. */
  private static X509CertificateHolder verifiedSigner(byte[] pdf, int[] range, byte[] contents) {
    if (!onlyPaddingAfterTheStructure(contents)) {
      return null;
    }
    byte[] covered = new byte[range[1] + range[3]];
    System.arraycopy(pdf, range[0], covered, 0, range[1]);
    System.arraycopy(pdf, range[2], covered, range[1], range[3]);
    try {
      CMSSignedData cms = new CMSSignedData(new CMSProcessableByteArray(covered), contents);
      Collection<SignerInformation> signers = cms.getSignerInfos().getSigners();
      if (signers.size() != 1) {
        return null;
      }
      SignerInformation signerInfo = signers.iterator().next();
      @SuppressWarnings("unchecked")
      Collection<X509CertificateHolder> certificates = cms.getCertificates()
          .getMatches((Selector<X509CertificateHolder>) signerInfo.getSID());
      if (certificates.size() != 1) {
        return null;
      }
      X509CertificateHolder certificate = certificates.iterator().next();
      return signerInfo.verify(new JcaSimpleSignerInfoVerifierBuilder().build(certificate)) ? certificate : null;
    } catch (CMSException | OperatorCreationException | CertificateException | RuntimeException broken) {
      return null;
    }
  }

  /** A changed byte of the zero padding that follows the CMS structure would not change what it says. */
  private static boolean onlyPaddingAfterTheStructure(byte[] contents) {
    try (ASN1InputStream in = new ASN1InputStream(new ByteArrayInputStream(contents))) {
      if (in.readObject() == null) {
        return false;
      }
      for (int b = in.read(); b != -1; b = in.read()) {
        if (b != 0) {
          return false;
        }
      }
      return true;
    } catch (IOException | RuntimeException malformed) {
      return false;
    }
  }

  private static boolean isService(X509CertificateHolder signer, X509Certificate serviceCertificate) {
    try {
      return signer.equals(new JcaX509CertificateHolder(serviceCertificate));
    } catch (CertificateException e) {
      return false;
    }
  }
}
