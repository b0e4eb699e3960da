/**
 * The couriers' rounds (issue 20): each working day (or on request), the deliveries by our own transport that wait
 * at the reception are planned into rounds by Timefold Solver (capacities, shift hours, great-circle distances or a
 * routing service's by road),
 * approved by the dispatcher, and handed to each courier with a printable sheet (processes/route-planning.bpmn).
 * It reads deliveries, deals and customers through their public faces; nobody imports it.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"platform", "identity", "customer",
    "opportunity", "delivery"})
package com.relais.crm.routing;
