/**
 * Who changed what, and when: every change to the CRM's records, field by field with the value before and after,
 * written in the transaction of the change; the engine's user operation log for what people did in the processes;
 * a manager's review of the team's changes since the last one. Nothing here can be changed through the API.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"platform", "identity"})
package com.relais.crm.audit;
