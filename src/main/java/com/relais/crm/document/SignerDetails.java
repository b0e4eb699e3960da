package com.relais.crm.document;

import java.time.Instant;

/**
 * Who signed a document online, as the signed copy records it: the name they typed, when, the network address the
 * signature came from, the address the signing link was sent to, and what they declared by signing when the document
 * leaves a choice (a reception accepted, or refused and why); null when signing is the whole statement.
 */
public record SignerDetails(String name, Instant signedAt, String networkAddress, String linkSentTo,
    String declaration) {

  /** A signature that only agrees to the document (the delivery note). */
  public SignerDetails(String name, Instant signedAt, String networkAddress, String linkSentTo) {
    this(name, signedAt, networkAddress, linkSentTo, null);
  }
}
