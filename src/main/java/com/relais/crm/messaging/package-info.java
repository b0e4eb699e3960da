/**
 * Messages to people away from the screen: the outbox written in the transaction of what caused a message, and the
 * channels that deliver it after commit, e-mail over SMTP and SMS over SMPP, with the in-process sinks of the quick
 * start. Who is told and why is not decided here (notifications, campaigns and reports send through it).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"platform", "identity"})
package com.relais.crm.messaging;
