package com.relais.crm.messaging;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Settings of the outbox (relais.outbox in application.yml). */
@ConfigurationProperties("relais.outbox")
record OutboxProperties(
    @DefaultValue("true") boolean senderEnabled,
    @DefaultValue("PT2S") Duration pollInterval,
    @DefaultValue("50") int batchSize,
    @DefaultValue("12") int maxAttempts,
    @DefaultValue("PT5S") Duration firstRetryAfter,
    @DefaultValue("PT30M") Duration longestRetryAfter,
    @DefaultValue("PT2M") Duration claimFor,
    @DefaultValue("relais@localhost") String mailFrom) {}
