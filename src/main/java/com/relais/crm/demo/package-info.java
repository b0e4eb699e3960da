/**
 * The quick start's living CRM: in the demo profile only, and once on an empty database, French customers with their
 * consents, exchanges and files, and deals at every stage, driven through the real processes by the demo users. The
 * top layer: it works through the other modules' public faces as their controllers and Tasklist do, and nobody
 * imports it.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"identity", "deal", "customer",
    "communication", "attachment", "opportunity", "delivery", "support", "aftersale"})
package com.relais.crm.demo;
