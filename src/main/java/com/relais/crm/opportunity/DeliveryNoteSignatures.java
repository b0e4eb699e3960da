package com.relais.crm.opportunity;

import org.springframework.stereotype.Component;

/**
 * The customer's signature of a deal's delivery note, as other modules report it (the online signing page, the demo's
 * seed): the very
 * path of the e-signature provider's endpoint ({@link SaleProcess#signDeliveryNote}), so the deal records the signer,
 * {@link DeliveryNoteSigned} is published and the sale's message is correlated in the caller's transaction.
 */
@Component
public class DeliveryNoteSignatures {
  private final SaleProcess sale;

  DeliveryNoteSignatures(SaleProcess sale) {
    this.sale = sale;
  }

  /**
   * @return true when this signature was recorded now, false when the deal had been signed already (nothing changes)
   * @throws com.relais.crm.platform.ConflictException when the deal does not wait for a signature
   * @throws com.relais.crm.platform.NotFoundException for an unknown deal
   */
  public boolean record(long opportunityId, String signedBy) {
    return !sale.signDeliveryNote(opportunityId, signedBy).alreadySigned();
  }
}
