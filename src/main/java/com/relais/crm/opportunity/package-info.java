/** Deals: the opportunity record, its stage history, and the sale process that moves it from prospect to won. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"platform", "audit", "identity", "engine", "deal", "customer", "document"})
package com.relais.crm.opportunity;
