package com.relais.crm.signing;

import com.relais.crm.opportunity.DeliveryNoteSigned;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A note signed any way (on our page, or reported by the e-signature provider) ends the deal's open links to sign it,
 * in the transaction that records the signature: a second signature through an older link is a 404.
 */
@Component
class LinksEndWhenSigned {
  private final SigningTokens tokens;

  LinksEndWhenSigned(SigningTokens tokens) {
    this.tokens = tokens;
  }

  @EventListener
  void on(DeliveryNoteSigned signed) {
    tokens.revokeOpen(SigningTokens.Purpose.DELIVERY_NOTE, signed.opportunityId(), OnlineSignatures.now());
  }
}
