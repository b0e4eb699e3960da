/** The engine's hardening: no scripts, checked JSON variables, decision variables held to their values, REST faults. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = "platform")
package com.relais.crm.engine;
