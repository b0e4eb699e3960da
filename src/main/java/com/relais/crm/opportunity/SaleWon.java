package com.relais.crm.opportunity;

/**
 * Published inside the engine transaction when a deal is won with its delivery note signed. The delivery starts from
 * it with the transport and path chosen at the win; the after-sale starts from it too (a null template means the
 * default one). Listeners run synchronously, so the win, the delivery and the after-sale commit together or not at
 * all, and a retried step finds them already started.
 */
public record SaleWon(long opportunityId, String transport, boolean simplified, Long afterSaleTemplateId) {}
