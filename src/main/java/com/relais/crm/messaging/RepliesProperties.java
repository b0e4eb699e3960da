package com.relais.crm.messaging;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The mailbox customers' replies arrive in (relais.replies in application.yml): read over IMAP. Without a host, the
 * quick start's in-process mailbox of the sender address ({@code MAIL_FROM}) is read, when the demo runs it.
 */
@ConfigurationProperties("relais.replies")
record RepliesProperties(
    @DefaultValue("true") boolean enabled,
    @DefaultValue("") String imapHost,
    @DefaultValue("993") int imapPort,
    @DefaultValue("") String user,
    @DefaultValue("") String password,
    /** IMAPS (TLS) unless the host is the in-process one. */
    @DefaultValue("true") boolean ssl,
    @DefaultValue("PT15S") Duration pollInterval) {}
