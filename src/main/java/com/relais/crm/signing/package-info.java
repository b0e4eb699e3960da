/**
 * Online signatures: when sales sends a deal's delivery note for signature, the customer gets an e-mail with a link to
 * a page of their own (no login; a random single-use token, kept only as a hash, bound to the note and to the customer
 * it was sent to, expiring after a setting), reads the note there and signs it; the signed copy is stamped and signed
 * digitally by the document module and the sale moves on as for the e-signature provider's call. The reminder after
 * three days sends a new link. The reception note is signed the same way on a phone, the customer's (a link mailed
 * when the delivery reaches its reception) or the courier's (from the deal's page): accepted, or refused with a
 * reason, it completes the delivery's reception task through {@code delivery}'s {@code DeliveryProcess}, which stays
 * the one class that talks to the engine about deliveries.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"platform", "deal", "customer", "document",
    "opportunity", "messaging", "delivery", "identity"})
package com.relais.crm.signing;
