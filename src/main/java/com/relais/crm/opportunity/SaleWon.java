package com.relais.crm.opportunity;

/**
 * Published inside the engine transaction when a deal is won with its delivery note signed; the after-sale
 * capability starts from it. A null template means the default one.
 */
public record SaleWon(long opportunityId, Long afterSaleTemplateId) {}
