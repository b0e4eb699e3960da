package com.relais.crm.signing;

import com.relais.crm.delivery.DeliveryBpmn;
import com.relais.crm.delivery.DeliveryProcess;
import com.relais.crm.document.DocumentService;
import com.relais.crm.document.DocumentSignatures;
import com.relais.crm.document.GeneratedDocument;
import com.relais.crm.document.SignerDetails;
import java.io.InputStream;
import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the reception page does with a token. A link opens only while it is open and the delivery still waits for
 * its reception: once the reception is recorded any way (on this page, or in Tasklist) every link of it is a 404.
 * "Now" is the engine's clock, as for the delivery note's links ({@link OnlineSignatures#now}).
 */
@Service
class OnSiteReceptions {
  private static final SigningTokens.Purpose RECEPTION = SigningTokens.Purpose.RECEPTION;

  private final SigningTokens tokens;
  private final DeliveryProcess deliveries;
  private final DocumentSignatures signatures;
  private final DocumentService documents;

  OnSiteReceptions(SigningTokens tokens, DeliveryProcess deliveries, DocumentSignatures signatures,
      DocumentService documents) {
    this.tokens = tokens;
    this.deliveries = deliveries;
    this.signatures = signatures;
    this.documents = documents;
  }

  /** What the signer chose: the delivery accepted (with reserves, or none) or refused with a reason. */
  record Reception(String signedBy, boolean accepted, String remark) {

    /** The value of {@code receptionOutcome}, as the task's form in Tasklist sets it. */
    String outcome() {
      return accepted ? DeliveryBpmn.OUTCOME_POSITIVE : DeliveryBpmn.OUTCOME_NEGATIVE;
    }

    /** The choice as the signed note prints it. */
    String declaration() {
      if (!accepted) {
        return "Reception: REFUSED. Reason: " + remark;
      }
      return remark == null || remark.isBlank() ? "Reception: received in good condition."
          : "Reception: received in good condition, with reserves: " + remark;
    }
  }

  @Transactional(readOnly = true)
  Optional<SigningTokens.OpenToken> open(String token) {
    return tokens.open(RECEPTION, token, OnlineSignatures.now())
        .filter(link -> deliveries.openReception(link.opportunityId()).isPresent());
  }

  /** The reception note a token is bound to, as a stream, while the token opens the page. */
  @Transactional(readOnly = true)
  Optional<InputStream> note(String token) {
    return open(token).map(link -> documents.content(documents.get(link.documentId())));
  }

  /**
   * Records the reception in one transaction: the token is used, the note is stamped with the name, time, network
   * address and choice and signed digitally (kept as RECEPTION_NOTE_SIGNED), and the reception task is completed
   * with the choice, so a refusal opens the support case with its reason. Any failure leaves all of it undone, the
   * token still open.
   *
   * @throws OnlineSignatures.UnusableLink when the token does not open the page (used, replaced, expired, unknown,
   *     or the reception was recorded already)
   * @throws com.relais.crm.platform.ConflictException when the reception was recorded in Tasklist meanwhile
   */
  @Transactional
  GeneratedDocument record(String token, Reception reception, String networkAddress) {
    Instant now = OnlineSignatures.now();
    SigningTokens.OpenToken link = tokens.open(RECEPTION, token, now).orElseThrow(OnlineSignatures.UnusableLink::new);
    if (deliveries.openReception(link.opportunityId()).isEmpty() || !tokens.use(link.id(), now)) {
      throw new OnlineSignatures.UnusableLink();
    }
    GeneratedDocument signed = signatures.signedCopy(link.documentId(), new SignerDetails(reception.signedBy(), now,
        networkAddress, link.recipient(), reception.declaration()));
    if (!deliveries.recordReception(link.opportunityId(), reception.outcome(), reception.remark())) {
      throw new OnlineSignatures.UnusableLink();
    }
    return signed;
  }
}
