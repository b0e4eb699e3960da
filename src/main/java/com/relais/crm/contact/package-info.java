/**
 * The day's contact plan and the customers' work plans: every working day the customers to contact first are picked
 * by processes/contact-selection.dmn, shared out among each team's members and followed as tasks, a contact left
 * open at the day's deadline goes to the team's manager; work plans hold what staff and managers planned per customer,
 * templates per category fill them ahead; the planned-versus-done report reads the engine's task history.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"platform", "audit", "identity", "engine", "deal", "customer",
    "communication", "opportunity", "delivery", "support"})
package com.relais.crm.contact;
