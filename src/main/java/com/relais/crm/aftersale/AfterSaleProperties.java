package com.relais.crm.aftersale;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param remindersEnabled whether this node sends the reminders of pending after-sale tasks
 * @param reminderInterval how often it looks for reminders that have fallen due
 */
@ConfigurationProperties("relais.after-sale")
record AfterSaleProperties(@DefaultValue("true") boolean remindersEnabled,
    @DefaultValue("PT1M") Duration reminderInterval) {}
