package com.relais.crm.web;

import com.relais.crm.identity.CurrentUser;
import com.relais.crm.notification.Notifications;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;

/**
 * On-screen notifications: the list (unread first) and the unread count in every page's header, which htmx asks for
 * again every 30 seconds and whenever the page comes back to the foreground.
 */
@Controller
class NotificationPages {
  private static final int SHOWN = 100;

  private final Notifications notifications;
  private final CurrentUser currentUser;

  NotificationPages(Notifications notifications, CurrentUser currentUser) {
    this.notifications = notifications;
    this.currentUser = currentUser;
  }

  @GetMapping("/notifications")
  String list(Model model) {
    var all = notifications.of(currentUser.id());
    model.addAttribute("notifications", all.size() > SHOWN ? all.subList(0, SHOWN) : all);
    return "web/notifications";
  }

  @GetMapping("/notifications/count")
  String count(Model model) {
    model.addAttribute("unread", notifications.unreadCount(currentUser.id()));
    return "web/parts :: unread";
  }

  @PostMapping("/notifications/{id}/read")
  String read(@PathVariable long id, @RequestHeader(name = "HX-Request", required = false) String htmx,
      Model model) {
    model.addAttribute("n", notifications.markRead(id, currentUser.id()));
    return htmx == null ? "redirect:/notifications" : "web/notifications :: item";
  }
}
