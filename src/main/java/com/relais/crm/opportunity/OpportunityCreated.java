package com.relais.crm.opportunity;

/** Published inside the creating transaction; the sale process starts from it. */
public record OpportunityCreated(long opportunityId, String customerName) {}
