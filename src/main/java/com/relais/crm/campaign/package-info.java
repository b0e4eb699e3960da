/**
 * Campaigns by e-mail and SMS: an audience named by parameters, a text with merge fields, a manager's approval in
 * Tasklist, sending in batches at the planned time through the outbox, consent checked at the moment of sending,
 * each text kept in the customer's history, and the unsubscribe link that withdraws a consent without a login.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"platform", "audit", "identity", "engine", "customer",
    "communication", "opportunity", "messaging"})
package com.relais.crm.campaign;
