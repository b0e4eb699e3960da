/** The delivery of a won deal: its eight stages, carrier quote, cost approval, payment and reception. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"platform", "audit", "identity", "engine", "deal", "document", "opportunity"})
package com.relais.crm.delivery;
