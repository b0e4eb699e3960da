/**
 * Data in from files: customers imported from CSV or Excel, read as a stream and staged row by row, checked, matched
 * against existing customers, written in batches by the engine's job executor (processes/customer-import.bpmn),
 * with the rejected rows given back as CSV and an undo that only puts back what nobody changed since.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"platform", "identity", "customer"})
package com.relais.crm.dataexchange;
