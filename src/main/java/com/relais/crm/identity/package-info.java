/** Who is calling: one user store (the engine's identity service) behind /api, /engine-rest and the webapps. */
package com.relais.crm.identity;
