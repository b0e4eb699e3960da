package com.relais.crm.notification;

/** How a person is told: on screen, by e-mail, by SMS, or as a task in their Tasklist. */
public enum NotificationChannel {
  IN_APP, EMAIL, SMS, TASK
}
