/**
 * A person's personal data, on request: everything held on a customer in one ZIP (records, consents and their
 * history, exchanges, deals, files, the engine's history of their processes), and its erasure everywhere it is
 * copied (CRM rows through each module's face, files in the store, search text, engine variables and history,
 * the audit's values), refused while one of their deals still runs. Nobody calls it.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"platform", "identity", "audit", "deal",
    "customer", "communication", "attachment", "document", "opportunity", "delivery", "support", "aftersale",
    "contact", "campaign", "messaging", "notification", "dataexchange", "routing"})
package com.relais.crm.privacy;
