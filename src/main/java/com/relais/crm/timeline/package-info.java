/** A customer's history in one list: exchanges, attachments and the stage changes of its deals. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"platform", "identity", "customer", "communication", "attachment", "opportunity"})
package com.relais.crm.timeline;
