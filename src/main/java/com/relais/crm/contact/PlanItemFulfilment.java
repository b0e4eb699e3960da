package com.relais.crm.contact;

import com.relais.crm.communication.ExchangeDone;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A done exchange closes the plan item it fulfils, in the transaction that records it: nobody has to tick the item
 * off by hand. An exchange recorded by a plan's contact is left to {@link ContactResults}, which knows whether the
 * customer was actually reached (an unanswered call fulfils nothing).
 */
@Component
class PlanItemFulfilment {
  /** Set while a contact of the plan records its exchange (on this thread, inside that engine step). */
  private static final ThreadLocal<Boolean> RECORDING_A_CONTACT = ThreadLocal.withInitial(() -> false);

  private final PlanItems items;

  PlanItemFulfilment(PlanItems items) {
    this.items = items;
  }

  @EventListener
  void on(ExchangeDone done) {
    // an exchange the service logged on its own (a campaign's mail) did nobody's planned work
    if (!RECORDING_A_CONTACT.get() && !com.relais.crm.identity.CurrentUser.SYSTEM.equals(done.author())) {
      items.fulfil(done.customerId(), done.type(), done.exchangeId(), done.at());
    }
  }

  static <T> T whileRecordingAContact(java.util.function.Supplier<T> recording) {
    RECORDING_A_CONTACT.set(true);
    try {
      return recording.get();
    } finally {
      RECORDING_A_CONTACT.remove();
    }
  }
}
