package com.relais.crm.messaging;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where SMS go, bound from {@code relais.sms.*}: the SMPP 3.4 server (SMSC) of the operator or aggregator and the
 * account the service binds with. An empty host means the quick start's in-process SMSC ({@link EmbeddedSmsc}), so a
 * new user sees the texts Relais sends without an SMS contract.
 *
 * @param host the SMSC's host name; empty for the in-process SMSC
 * @param port the SMSC's port (2775 is the usual SMPP port)
 * @param systemId the account (SMPP system_id) to bind with
 * @param password the account's password (at most 8 characters in SMPP 3.4)
 * @param sender what the phone shows as the sender: an alphanumeric name, at most 11 characters
 * @param timeout how long to wait to connect, bind and for each answer of the SMSC
 */
@ConfigurationProperties("relais.sms")
record SmsProperties(@DefaultValue("") String host, @DefaultValue("2775") int port,
    @DefaultValue("relais") String systemId, @DefaultValue("relais") String password,
    @DefaultValue("Relais") String sender, @DefaultValue("10s") Duration timeout) {

  /** Whether no SMSC is configured, so the in-process one is used. */
  boolean embedded() {
    return host == null || host.isBlank();
  }
}
