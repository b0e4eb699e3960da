package com.relais.crm.opportunity;

/** The customer signed a deal's delivery note, published in the transaction that records the signature. */
public record DeliveryNoteSigned(long opportunityId, String signedBy) {}
