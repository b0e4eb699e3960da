package com.relais.crm.messaging;

import java.time.Instant;

/**
 * A mail reached the replies mailbox: from whom, its subject and its text. Published once per message (its
 * Message-ID), in a transaction of its own; a listener that fails leaves it unread, to be taken in again.
 */
public record MailReceived(String messageId, String fromAddress, String subject, String text, Instant at) {}
