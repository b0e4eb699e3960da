package com.relais.crm.document;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Signed copies of a deal's documents, kept beside the original (kinds {@link DocumentKind#DELIVERY_NOTE_SIGNED} and
 * {@link DocumentKind#RECEPTION_NOTE_SIGNED}): the signer's name, time and network address, and what they declared,
 * printed on it, then the whole file signed digitally with the service's key ({@link PadesSigner}). And the check of
 * a document's own signature.
 */
@Service
public class DocumentSignatures {
  private final DocumentService documents;
  private final PadesSigner signer;
  private final SigningKey key;

  DocumentSignatures(DocumentService documents, PadesSigner signer, SigningKey key) {
    this.documents = documents;
    this.signer = signer;
    this.key = key;
  }

  /** Stamps and signs the document, and keeps the result as the deal's signed copy (once: a second call finds it). */
  @Transactional
  public GeneratedDocument signedCopy(long documentId, SignerDetails details) {
    GeneratedDocument original = documents.get(documentId);
    return documents.keep(original.getOpportunityId(), original.getKind().signedCopy(),
        () -> signer.sign(SignatureStamp.stamp(documents.bytes(original), details), details));
  }

  @Transactional(readOnly = true)
  public SignatureStatus check(GeneratedDocument document) {
    return PdfSignatureCheck.check(documents.bytes(document), key.certificate());
  }
}
