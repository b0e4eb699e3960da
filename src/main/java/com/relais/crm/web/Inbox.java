package com.relais.crm.web;

import com.relais.crm.identity.CurrentUser;
import com.relais.crm.notification.Notifications;
import org.springframework.stereotype.Component;

/** The unread count of every page's header, asked by the layout only when it renders ({@code @inbox}). */
@Component("inbox")
class Inbox {
  private final Notifications notifications;
  private final CurrentUser currentUser;

  Inbox(Notifications notifications, CurrentUser currentUser) {
    this.notifications = notifications;
    this.currentUser = currentUser;
  }

  public long unread() {
    return notifications.unreadCount(currentUser.id());
  }
}
