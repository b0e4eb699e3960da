package com.relais.crm.document;

import java.time.Instant;

/**
 * Who signed a document online, as the signed copy records it: the name they typed, when, the network address the
 * signature came from, and the address the signing link was sent to.
 */
public record SignerDetails(String name, Instant signedAt, String networkAddress, String linkSentTo) {}
