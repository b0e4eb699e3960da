/** What every capability's web layer shares: problem+json errors and the exceptions that map to them. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {})
package com.relais.crm.platform;
