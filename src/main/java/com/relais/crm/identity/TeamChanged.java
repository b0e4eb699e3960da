package com.relais.crm.identity;

/**
 * A team was created ({@code before} null) or changed, published in the transaction of the change so that a
 * listener that records it (the audit) commits with it.
 */
public record TeamChanged(Teams.Team before, Teams.Team after) {}
