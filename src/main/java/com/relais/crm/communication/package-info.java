/** The exchange log: every call, letter, meeting, note, report, to-do, e-mail and SMS with a customer. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"platform", "audit", "identity", "deal", "customer"})
package com.relais.crm.communication;
