package com.relais.crm.notification;

import com.relais.crm.identity.CurrentUser;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/notifications")
class NotificationController {
  private final Notifications notifications;
  private final CurrentUser currentUser;

  NotificationController(Notifications notifications, CurrentUser currentUser) {
    this.notifications = notifications;
    this.currentUser = currentUser;
  }

  @GetMapping
  List<Notification> mine() {
    return notifications.of(currentUser.id());
  }

  @PostMapping("/{id}/read")
  Notification read(@PathVariable long id) {
    return notifications.markRead(id, currentUser.id());
  }
}
