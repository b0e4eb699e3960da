/**
 * Documents the flows generate for a deal (delivery note, reception note): rendered as PDF, kept in the object store;
 * the signed copy of a note (stamped and signed digitally, PAdES, with the service's key) and the check of a PDF's
 * own signature.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"platform", "identity", "deal", "attachment"})
package com.relais.crm.document;
