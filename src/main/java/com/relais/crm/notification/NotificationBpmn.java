package com.relais.crm.notification;

/** Names shared between processes/notification.bpmn and the Java side. */
final class NotificationBpmn {
  static final String PROCESS_KEY = "notification";
  static final String RECIPIENT = "recipient";
  static final String SUBJECT = "notificationSubject";
  static final String TEXT = "notificationText";
  static final String LINK = "notificationLink";
  static final String TASK_READ = "userTask_readNotification";

  private NotificationBpmn() {}
}
