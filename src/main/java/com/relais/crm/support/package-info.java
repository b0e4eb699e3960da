/** Support cases opened by a negative reception: triage, resolution, the customer's confirmation, escalation. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"platform", "audit", "identity", "engine", "deal", "opportunity", "delivery"})
package com.relais.crm.support;
