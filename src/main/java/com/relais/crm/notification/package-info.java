/** In-app notifications of the current user: reminders and other things that need a person's eye. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"platform", "identity"})
package com.relais.crm.notification;
