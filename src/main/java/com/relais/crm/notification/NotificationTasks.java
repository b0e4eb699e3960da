package com.relais.crm.notification;

import com.relais.crm.deal.DealKey;
import com.relais.crm.deal.FollowingStep;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

/**
 * The one class that starts the notification process: a notification someone wants as a task becomes a task
 * assigned to them in Tasklist, with the message and a link in its form. Started in the transaction of what caused
 * it, like every other channel's record.
 */
@Component
class NotificationTasks {
  private final RuntimeService runtimeService;

  NotificationTasks(RuntimeService runtimeService) {
    this.runtimeService = runtimeService;
  }

  void raise(String recipient, Long opportunityId, String subject, String text, String link) {
    // the start follows from the step that caused it; the person whose step it is need not be allowed to start it
    FollowingStep.run(() -> runtimeService.startProcessInstanceByKey(NotificationBpmn.PROCESS_KEY,
        opportunityId == null ? null : DealKey.of(opportunityId),
        Map.of(NotificationBpmn.RECIPIENT, recipient, NotificationBpmn.SUBJECT, clip(subject, 200),
            NotificationBpmn.TEXT, clip(text, 3900), NotificationBpmn.LINK, link == null ? "" : link)));
  }

  private static String clip(String text, int length) {
    return text == null ? "" : text.length() <= length ? text : text.substring(0, length);
  }
}
