package com.relais.crm.notification;

import com.relais.crm.attachment.AttachmentAdded;
import com.relais.crm.communication.CommunicationService;
import com.relais.crm.communication.ExchangeLogged;
import com.relais.crm.customer.CustomerService;
import com.relais.crm.deal.StageChanged;
import com.relais.crm.opportunity.DeliveryNoteSigned;
import com.relais.crm.opportunity.Opportunity;
import com.relais.crm.opportunity.OpportunityService;
import com.relais.crm.opportunity.SaleLost;
import com.relais.crm.opportunity.SaleWon;
import com.relais.crm.support.SupportCaseOpened;
import com.relais.crm.support.SupportCaseResolved;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Turns what the other modules announce into {@link Happening}s. Synchronous on purpose: a notification is written
 * in the transaction of what caused it, so it exists exactly when that was committed (nothing told of a rolled-back
 * step, nothing lost on a crash after commit).
 */
@Component
class NotificationTriggers {
  private static final Predicate<String> ANYONE = person -> true;

  private final NotificationDispatcher dispatcher;
  private final OpportunityService opportunities;
  private final CustomerService customers;
  private final CommunicationService communications;
  private final NotificationProperties properties;

  NotificationTriggers(NotificationDispatcher dispatcher, OpportunityService opportunities, CustomerService customers,
      CommunicationService communications, NotificationProperties properties) {
    this.dispatcher = dispatcher;
    this.opportunities = opportunities;
    this.customers = customers;
    this.communications = communications;
    this.properties = properties;
  }

  @EventListener
  void on(StageChanged changed) {
    dealHappening(EventKind.STAGE_CHANGED, changed.opportunityId(), changed.changedBy(), () -> {
      Map<String, Object> fields = dealFields(changed.opportunityId());
      fields.put("stage", changed.toStage());
      fields.put("fromStage", changed.fromStage());
      fields.put("who", changed.changedBy());
      return fields;
    }, "STAGE_CHANGED:" + changed.opportunityId() + ":" + changed.toStage());
  }

  @EventListener
  void on(SaleWon won) {
    dealHappening(EventKind.DEAL_WON, won.opportunityId(), null, () -> dealFields(won.opportunityId()),
        "DEAL_WON:" + won.opportunityId());
  }

  @EventListener
  void on(SaleLost lost) {
    dealHappening(EventKind.DEAL_LOST, lost.opportunityId(), null, () -> dealFields(lost.opportunityId()),
        "DEAL_LOST:" + lost.opportunityId());
  }

  @EventListener
  void on(DeliveryNoteSigned signed) {
    dealHappening(EventKind.DELIVERY_NOTE_SIGNED, signed.opportunityId(), null, () -> {
      Map<String, Object> fields = dealFields(signed.opportunityId());
      fields.put("signedBy", signed.signedBy());
      return fields;
    }, "DELIVERY_NOTE_SIGNED:" + signed.opportunityId());
  }

  @EventListener
  void on(SupportCaseOpened opened) {
    dealHappening(EventKind.SUPPORT_CASE_OPENED, opened.opportunityId(), null, () -> {
      Map<String, Object> fields = dealFields(opened.opportunityId());
      fields.put("reason", opened.reason());
      return fields;
    }, "SUPPORT_CASE_OPENED:" + opened.supportCaseId());
  }

  @EventListener
  void on(SupportCaseResolved resolved) {
    dealHappening(EventKind.SUPPORT_CASE_RESOLVED, resolved.opportunityId(), null,
        () -> dealFields(resolved.opportunityId()), "SUPPORT_CASE_RESOLVED:" + resolved.supportCaseId());
  }

  /** A meeting planned with a customer is MEETING_REQUESTED; any other exchange EXCHANGE_LOGGED. */
  @EventListener
  void on(ExchangeLogged logged) {
    if (logged.customerId() == null) {
      return;
    }
    Long deal = logged.opportunityIds().isEmpty() ? null : logged.opportunityIds().get(0);
    EventKind kind = "MEETING".equals(logged.type()) && !"DONE".equals(logged.status())
        ? EventKind.MEETING_REQUESTED : EventKind.EXCHANGE_LOGGED;
    dispatcher.dispatch(new Happening(kind, logged.customerId(), deal, logged.author(), () -> {
      Map<String, Object> fields = deal == null ? customerFields(logged.customerId()) : dealFields(deal);
      fields.put("subject", logged.subject());
      fields.put("exchangeType", logged.type());
      fields.put("who", logged.author());
      return fields;
    }, logged.assignees(), logged::readableBy, kind + ":" + logged.exchangeId()));
  }

  @EventListener
  void on(AttachmentAdded added) {
    Long customerId;
    Long deal = null;
    Predicate<String> readable = ANYONE;
    switch (added.ownerType()) {
      case CUSTOMER -> customerId = added.ownerId();
      case OPPORTUNITY -> {
        deal = added.ownerId();
        customerId = opportunities.get(deal).getCustomerId();
      }
      default -> {
        var exchange = communications.get(added.ownerId());
        customerId = exchange.getCustomerId();
        Set<String> readers = new java.util.HashSet<>(exchange.getAssignees());
        readers.add(exchange.getAuthor());
        readable = exchange.isPrivateEntry() ? readers::contains : ANYONE;
      }
    }
    if (customerId == null) {
      return;
    }
    Long customer = customerId;
    Long opportunity = deal;
    dispatcher.dispatch(new Happening(EventKind.ATTACHMENT_ADDED, customerId, deal, added.uploadedBy(), () -> {
      Map<String, Object> fields = opportunity == null ? customerFields(customer) : dealFields(opportunity);
      fields.put("fileName", added.fileName());
      fields.put("who", added.uploadedBy());
      return fields;
    }, Set.of(), readable, "ATTACHMENT_ADDED:" + added.attachmentId()));
  }

  /** A task of a deal was assigned to someone other than the one who assigned it. */
  @EventListener
  void on(TaskAssignments.TaskAssigned assigned) {
    Long customerId = assigned.opportunityId() == null ? null
        : opportunities.get(assigned.opportunityId()).getCustomerId();
    dispatcher.dispatch(new Happening(EventKind.TASK_ASSIGNED, customerId, assigned.opportunityId(),
        assigned.assignedBy(), () -> {
          Map<String, Object> fields = assigned.opportunityId() == null ? new LinkedHashMap<>()
              : dealFields(assigned.opportunityId());
          fields.put("taskName", assigned.taskName());
          fields.put("who", assigned.assignedBy());
          return fields;
        }, Set.of(assigned.assignee()), person -> person.equals(assigned.assignee()),
        "TASK_ASSIGNED:" + assigned.taskId() + ":" + assigned.assignee()));
  }

  /** A deal's task is overdue: its assignee is told, or the deal's owner while nobody has claimed it. */
  @EventListener
  void on(OverdueTasks.TaskOverdue overdue) {
    if (overdue.opportunityId() == null) {
      return;
    }
    Opportunity deal = opportunities.get(overdue.opportunityId());
    String told = overdue.assignee() != null ? overdue.assignee() : deal.getOwner();
    dispatcher.dispatch(new Happening(EventKind.TASK_OVERDUE, deal.getCustomerId(), overdue.opportunityId(), null,
        () -> {
          Map<String, Object> fields = dealFields(overdue.opportunityId());
          fields.put("taskName", overdue.taskName());
          return fields;
        }, told == null ? Set.of() : Set.of(told), ANYONE, "TASK_OVERDUE:" + overdue.taskId()));
  }

  /** A contact of the day's plan was missed: the person's team manager is told (the manager's task says the rest). */
  @EventListener
  void on(com.relais.crm.contact.ContactMissed missed) {
    dispatcher.dispatch(new Happening(EventKind.CONTACT_MISSED, missed.customerId(), null, null, () -> {
      Map<String, Object> fields = customerFields(missed.customerId());
      fields.put("who", missed.assignee());
      fields.put("reason", missed.reason());
      fields.put("planDate", missed.planDate().toString());
      return fields;
    },
        missed.managerId() == null ? Set.of() : Set.of(missed.managerId()), ANYONE,
        "CONTACT_MISSED:" + missed.entryId()));
  }

  private void dealHappening(EventKind kind, long opportunityId, String actor, Supplier<Map<String, Object>> fields,
      String dedupeKey) {
    Opportunity deal = opportunities.get(opportunityId);
    Set<String> owner = deal.getOwner() == null ? Set.of() : Set.of(deal.getOwner());
    dispatcher.dispatch(new Happening(kind, deal.getCustomerId(), opportunityId, actor, fields, owner, ANYONE,
        dedupeKey));
  }

  private Map<String, Object> dealFields(long opportunityId) {
    Opportunity deal = opportunities.get(opportunityId);
    Map<String, Object> fields = customerFields(deal.getCustomerId());
    fields.put("dealTitle", deal.getTitle());
    fields.put("amount", deal.getAmount().toPlainString());
    fields.put("dealAmountNumber", deal.getAmount());
    fields.put("currency", deal.getCurrency());
    fields.put("stage", deal.getStage().name());
    fields.put("link", properties.publicUrl() + "/api/opportunities/" + opportunityId);
    return fields;
  }

  private Map<String, Object> customerFields(long customerId) {
    CustomerService.NameAndCategory customer = customers.nameAndCategoryOf(customerId);
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("customerName", customer.name());
    fields.put("customerCategory", customer.category());
    fields.put("link", properties.publicUrl() + "/api/customers/" + customerId);
    fields.put("preferencesLink", properties.publicUrl() + "/api/notification-preferences");
    return fields;
  }
}
