package com.relais.crm.signing;

import com.relais.crm.document.DocumentService;
import com.relais.crm.document.DocumentSignatures;
import com.relais.crm.document.GeneratedDocument;
import com.relais.crm.document.SignerDetails;
import com.relais.crm.opportunity.DeliveryNoteSignatures;
import java.io.InputStream;
import java.time.Instant;
import java.util.Optional;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the signing page does with a token. "Now" is the engine's clock ({@link ClockUtil}), the clock the sale's
 * timers run on, so a token's expiry and the three-day reminder keep the same time (and tests move both at once).
 */
@Service
class OnlineSignatures {
  private static final SigningTokens.Purpose NOTE = SigningTokens.Purpose.DELIVERY_NOTE;

  private final SigningTokens tokens;
  private final DeliveryNoteSignatures deliveryNotes;
  private final DocumentSignatures signatures;
  private final DocumentService documents;

  OnlineSignatures(SigningTokens tokens, DeliveryNoteSignatures deliveryNotes, DocumentSignatures signatures,
      DocumentService documents) {
    this.tokens = tokens;
    this.deliveryNotes = deliveryNotes;
    this.signatures = signatures;
    this.documents = documents;
  }

  /** The token cannot sign: unknown, forged, used, replaced, or expired. Nothing was changed. */
  static final class UnusableLink extends RuntimeException {
    UnusableLink() {
      super("This signing link is not valid", null, false, false);
    }
  }

  static Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }

  @Transactional(readOnly = true)
  Optional<SigningTokens.OpenToken> open(String token) {
    return tokens.open(NOTE, token, now());
  }

  /** The note a token is bound to, as a stream, while the token is open. */
  @Transactional(readOnly = true)
  Optional<InputStream> note(String token) {
    return tokens.open(NOTE, token, now()).map(link -> documents.content(documents.get(link.documentId())));
  }

  /**
   * Signs in one transaction: the token is used, the deal records the signature and its sale gets the
   * {@code DeliveryNoteSigned} message (the e-signature provider's own path), and the signed copy is stored. Any
   * failure leaves all of it undone, the token still open.
   *
   * @throws UnusableLink when the token is not open, or the note was signed meanwhile
   * @throws com.relais.crm.platform.ConflictException when the deal no longer waits for a signature
   */
  @Transactional
  GeneratedDocument sign(String token, String name, String networkAddress) {
    Instant now = now();
    SigningTokens.OpenToken link = tokens.open(NOTE, token, now).orElseThrow(UnusableLink::new);
    if (!tokens.use(link.id(), now) || !deliveryNotes.record(link.opportunityId(), name)) {
      throw new UnusableLink();
    }
    return signatures.signedCopy(link.documentId(), new SignerDetails(name, now, networkAddress, link.recipient()));
  }
}
