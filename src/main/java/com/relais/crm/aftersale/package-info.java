/** After-sale: versioned task templates, the after-sale process started from them, reminders and access grants. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"platform", "audit", "identity", "engine", "deal", "opportunity", "notification"})
package com.relais.crm.aftersale;
