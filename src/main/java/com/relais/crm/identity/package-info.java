/** Who is calling: one user store (the engine's identity service) behind /api, /engine-rest and the webapps. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"platform", "deal"})
package com.relais.crm.identity;
