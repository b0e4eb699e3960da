/** Customers: who they are, how we met them, and on which channels they agreed to hear from us. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"platform", "audit", "identity"})
package com.relais.crm.customer;
