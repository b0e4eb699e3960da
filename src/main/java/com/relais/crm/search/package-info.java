/** The quick search box: one word, hits among customers, deals, exchanges and the text of attachments. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"platform", "identity", "customer", "communication", "attachment", "opportunity"})
package com.relais.crm.search;
