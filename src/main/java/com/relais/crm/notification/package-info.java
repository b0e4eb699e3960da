/**
 * Who is told of what, and how: following customers and deals, each person's channels (on screen, e-mail, SMS, a
 * Tasklist task) and daily digest, the company's rules (processes/notification-rules.dmn), the texts. It listens to
 * every module's events and nobody calls it; e-mails and SMS leave through messaging's outbox.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"platform", "identity", "engine", "deal", "customer",
    "communication", "attachment", "opportunity", "support", "messaging", "contact"})
package com.relais.crm.notification;
