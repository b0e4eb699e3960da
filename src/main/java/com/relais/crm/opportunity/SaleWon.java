package com.relais.crm.opportunity;

/** Published when a sale is won; {@code afterSaleTemplateId} null means the default after-sale template. */
public record SaleWon(long opportunityId, Long afterSaleTemplateId) {}
