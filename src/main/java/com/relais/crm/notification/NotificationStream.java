package com.relais.crm.notification;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The live stream of a user's on-screen notifications (Server-Sent Events): each open page gets the new unread count
 * as soon as a notification is committed. Each node streams to the pages connected to it; a page that reconnects
 * after a node change asks {@code /api/notifications/unread-count} once, so nothing is missed.
 */
@Component
class NotificationStream {
  private static final long OPEN_FOR_MILLIS = 30 * 60 * 1000L;

  private final Map<String, List<SseEmitter>> open = new ConcurrentHashMap<>();
  private final Notifications notifications;

  NotificationStream(Notifications notifications) {
    this.notifications = notifications;
  }

  SseEmitter open(String userId) {
    SseEmitter emitter = new SseEmitter(OPEN_FOR_MILLIS);
    List<SseEmitter> mine = open.computeIfAbsent(userId, u -> new CopyOnWriteArrayList<>());
    mine.add(emitter);
    emitter.onCompletion(() -> mine.remove(emitter));
    emitter.onTimeout(() -> mine.remove(emitter));
    emitter.onError(e -> mine.remove(emitter));
    send(emitter, notifications.unreadCount(userId));
    return emitter;
  }

  @TransactionalEventListener
  void onNew(Notifications.InAppNotified notified) {
    List<SseEmitter> pages = open.get(notified.userId());
    if (pages == null || pages.isEmpty()) {
      return;
    }
    long unread = notifications.unreadCount(notified.userId());
    pages.forEach(page -> send(page, unread));
  }

  /**
   * A node that stops ends its open streams first: the pages' EventSource reconnects (through the balancer, to a node
   * that runs) at once, and the web server's graceful shutdown, which waits for every open request, is not held up
   * for its whole timeout by streams that would never end on their own. The event comes before the server stops.
   */
  @EventListener(ContextClosedEvent.class)
  void closeAll() {
    open.values().forEach(pages -> pages.forEach(SseEmitter::complete));
  }

  private static void send(SseEmitter page, long unread) {
    try {
      page.send(SseEmitter.event().name("unread").data(Map.of("unread", unread)));
    } catch (IOException | IllegalStateException gone) {
      page.completeWithError(gone);
    }
  }
}
