package com.relais.crm.opportunity;

import org.springframework.stereotype.Component;

/**
 * The customer's signature of a deal's delivery note, reported from inside the service (the demo's seed): the very
 * step {@code POST /api/opportunities/{id}/delivery-note/signature} takes ({@link SignatureController}), so the deal
 * records who signed and when, {@link DeliveryNoteSigned} is published, and the sale goes on to SALE_6_WON. Whoever
 * calls it answers for the caller's right to do so, as the controller's {@code @PreAuthorize} does over HTTP.
 */
@Component
public class DeliveryNoteSignatures {
  private final SaleProcess sale;

  DeliveryNoteSignatures(SaleProcess sale) {
    this.sale = sale;
  }

  /**
   * A deal not waiting for a signature is a {@link com.relais.crm.platform.ConflictException}, an unknown one a
   * {@link com.relais.crm.platform.NotFoundException}, exactly as over HTTP.
   *
   * @return false when the note had been signed already (nothing changed)
   */
  public boolean sign(long opportunityId, String signedBy) {
    return !sale.signDeliveryNote(opportunityId, signedBy).alreadySigned();
  }
}
