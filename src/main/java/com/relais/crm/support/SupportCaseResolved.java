package com.relais.crm.support;

/** A support case was resolved (the customer is satisfied), published in the step's transaction. */
public record SupportCaseResolved(long supportCaseId, long opportunityId) {}
