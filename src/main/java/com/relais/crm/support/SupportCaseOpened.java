package com.relais.crm.support;

/** A support case was opened for a refused delivery, published in the step's transaction. */
public record SupportCaseOpened(long supportCaseId, long opportunityId, String reason) {}
