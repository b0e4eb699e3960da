package com.relais.crm.messaging;

import java.time.Instant;

/**
 * A customer's SMS reached the service (a mobile-originated message from the SMSC): who sent it, in E.164 form, and
 * its text. Published in a transaction of its own; a listener that fails makes the SMSC deliver it again.
 */
public record SmsReceived(String fromE164, String text, Instant at) {}
