/** Documents the flows generate for a deal (delivery note, reception note): rendered as PDF, kept in the object store. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"platform", "identity", "deal", "attachment"})
package com.relais.crm.document;
