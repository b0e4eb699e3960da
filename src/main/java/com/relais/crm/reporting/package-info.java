/**
 * Reports for managers, read from every lower module's public face and written by no one else: the monthly activity
 * and financial report (processes/monthly-report.bpmn), built as a PDF on the 1st of each month or on request, kept
 * per month and announced to the managers by e-mail through messaging's outbox.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"platform", "identity", "customer",
    "communication", "opportunity", "delivery", "support", "contact", "campaign", "messaging", "document",
    "attachment", "deal"})
package com.relais.crm.reporting;
