package com.relais.crm.communication;

import java.time.Instant;

/**
 * An exchange with a customer was recorded as done (a status whose outcome is DONE): logged so, or changed to it.
 * Published in the transaction that records it; the work plans close the items it fulfils. {@code at} is when the
 * exchange took place, not when it was typed in.
 */
public record ExchangeDone(long exchangeId, long customerId, String type, String author, Instant at) {}
