package com.relais.crm.opportunity;

/** A deal was lost, published inside the step's transaction. */
public record SaleLost(long opportunityId) {}
