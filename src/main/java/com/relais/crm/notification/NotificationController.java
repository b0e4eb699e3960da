package com.relais.crm.notification;

import com.relais.crm.identity.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/notifications")
@Tag(name = "Notifications", description = "The caller's in-app notifications, such as the reminders of after-sale"
    + " tasks.")
class NotificationController {
  private final Notifications notifications;
  private final NotificationStream stream;
  private final CurrentUser currentUser;

  NotificationController(Notifications notifications, NotificationStream stream, CurrentUser currentUser) {
    this.notifications = notifications;
    this.stream = stream;
    this.currentUser = currentUser;
  }

  @GetMapping("/unread-count")
  @Operation(summary = "How many of the caller's notifications are unread")
  java.util.Map<String, Long> unreadCount() {
    return java.util.Map.of("unread", notifications.unreadCount(currentUser.id()));
  }

  @GetMapping(path = "/stream", produces = org.springframework.http.MediaType.TEXT_EVENT_STREAM_VALUE)
  @Operation(summary = "A live stream of the caller's unread count", description = "Server-Sent Events: an 'unread'"
      + " event with {\"unread\": n} when the stream opens and after each new notification.")
  org.springframework.web.servlet.mvc.method.annotation.SseEmitter stream() {
    return stream.open(currentUser.id());
  }

  @GetMapping
  @Operation(summary = "List the caller's notifications", description = "Unread first, newest first within each"
      + " part.")
  List<Notification> mine() {
    return notifications.of(currentUser.id());
  }

  @PostMapping("/{id}/read")
  @Operation(summary = "Mark one of the caller's notifications read", description = "Marking it again changes"
      + " nothing. Someone else's notification answers 404, like a missing one.")
  Notification read(@PathVariable long id) {
    return notifications.markRead(id, currentUser.id());
  }
}
