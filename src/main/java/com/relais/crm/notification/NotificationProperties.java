package com.relais.crm.notification;

import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Settings of the notifications (relais.notifications in application.yml). */
@ConfigurationProperties("relais.notifications")
record NotificationProperties(
    /** Where people open the service; links in messages start with it. */
    @DefaultValue("http://localhost:8080") String publicUrl,
    /** The company's time zone: a day's digest covers that zone's day. */
    @DefaultValue("Europe/Paris") ZoneId zone) {}
