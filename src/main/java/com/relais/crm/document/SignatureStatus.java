package com.relais.crm.document;

import java.time.Instant;

/**
 * What a PDF's own digital signature says (its last one, when there are several).
 *
 * @param signed the PDF carries a signature dictionary
 * @param signedBy the signer's name in it (/Name)
 * @param signedAt its signing time (/M)
 * @param intact the signature verifies over bytes that are the whole file but the signature itself: false after any
 *     change of a byte, and for bytes added after the signature
 * @param certificate the signing certificate's subject
 * @param serviceKey the signature was made with the key this service signs with now
 */
public record SignatureStatus(boolean signed, String signedBy, Instant signedAt, boolean intact, String certificate,
    boolean serviceKey) {

  static final SignatureStatus UNSIGNED = new SignatureStatus(false, null, null, false, null, false);
}
