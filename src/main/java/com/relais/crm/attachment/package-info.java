/** Files of customers, deals and exchanges, kept in an S3 object store and checked by Apache Tika. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"platform", "audit", "identity", "deal", "customer", "communication"})
package com.relais.crm.attachment;
