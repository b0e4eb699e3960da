package com.relais.crm.contact;

import com.relais.crm.customer.CustomerService;
import com.relais.crm.identity.CurrentUser;
import com.relais.crm.identity.StaffDirectory;
import com.relais.crm.platform.InvalidFieldException;
import com.relais.crm.platform.NotFoundException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Customers' work plans. Anyone of the sales side plans for themselves, a manager also for the members of their
 * teams, an admin for anyone; an item is changed by its assignee, its author, the assignee's manager or an admin.
 * A done exchange closes the item it fulfils ({@link PlanItemFulfilment}).
 */
@Service
class PlanItems {
  private final JdbcClient jdbc;
  private final CustomerService customers;
  private final StaffDirectory staff;
  private final StaffScope scope;
  private final CurrentUser currentUser;
  private final WorkingDays days;
  private final ContactPlanProperties properties;
  private final Clock clock;

  PlanItems(JdbcClient jdbc, CustomerService customers, StaffDirectory staff, StaffScope scope,
      CurrentUser currentUser, WorkingDays days, ContactPlanProperties properties, Clock clock) {
    this.jdbc = jdbc;
    this.customers = customers;
    this.staff = staff;
    this.scope = scope;
    this.currentUser = currentUser;
    this.days = days;
    this.properties = properties;
    this.clock = clock;
  }

  /** What a user gives to plan an action; the assignee defaults to the caller. */
  record NewItem(String title, PlanItem.Kind kind, LocalDate dueOn, String assignee) {}

  /** A change of an item: only what is named changes. */
  record ItemChange(String title, PlanItem.Kind kind, LocalDate dueOn, String assignee, PlanItem.Status status) {}

  @Transactional(readOnly = true)
  List<PlanItem> ofCustomer(long customerId) {
    requireCustomer(customerId);
    return jdbc.sql("select * from plan_item where customer_id = ? order by due_on, id").param(customerId)
        .query(PlanItems::item).list();
  }

  /** The caller's items (or, for a manager or admin, someone else's they answer for) due in a period. */
  @Transactional(readOnly = true)
  List<PlanItem> assignedTo(String assignee, LocalDate from, LocalDate to) {
    com.relais.crm.platform.SaneDates.require("from", from);
    com.relais.crm.platform.SaneDates.require("to", to);
    if (!scope.mayAnswerFor(assignee)) {
      throw new AccessDeniedException("You may not read the work plan of " + assignee);
    }
    return jdbc.sql("select * from plan_item where assignee = ? and due_on between ? and ? order by due_on, id")
        .params(assignee, from, to).query(PlanItems::item).list();
  }

  @Transactional
  PlanItem add(long customerId, NewItem request) {
    requireCustomer(customerId);
    String title = requireTitle(request.title());
    if (request.kind() == null) {
      throw new InvalidFieldException("kind", "kind: one of CALL, VISIT, EMAIL, FOLLOW_UP, OTHER");
    }
    requireFuture(request.dueOn());
    String assignee = request.assignee() == null || request.assignee().isBlank() ? currentUser.id()
        : request.assignee().strip();
    requireMayPlanFor(assignee);
    Instant now = clock.instant();
    var key = new org.springframework.jdbc.support.GeneratedKeyHolder();
    jdbc.sql("insert into plan_item (customer_id, title, kind, due_on, assignee, created_by, status, created_at,"
            + " updated_at) values (?, ?, ?, ?, ?, ?, 'PLANNED', ?, ?)")
        .params(customerId, title, request.kind().name(), request.dueOn(), assignee, currentUser.id(),
            Timestamp.from(now), Timestamp.from(now))
        .update(key, "id");
    return get(key.getKey().longValue());
  }

  @Transactional
  PlanItem change(long id, ItemChange change) {
    PlanItem item = get(id);
    if (!(scope.mayAnswerFor(item.assignee()) || currentUser.id().equals(item.createdBy()))) {
      throw new AccessDeniedException("Only the assignee, the author, their manager or an admin change plan item "
          + id);
    }
    String title = change.title() == null ? item.title() : requireTitle(change.title());
    PlanItem.Kind kind = change.kind() == null ? item.kind() : change.kind();
    LocalDate dueOn = item.dueOn();
    if (change.dueOn() != null && !change.dueOn().equals(item.dueOn())) {
      requireFuture(change.dueOn());
      dueOn = change.dueOn();
    }
    String assignee = item.assignee();
    if (change.assignee() != null && !change.assignee().strip().equals(item.assignee())) {
      assignee = change.assignee().strip();
      requireMayPlanFor(assignee);
    }
    PlanItem.Status status = change.status() == null ? item.status() : change.status();
    Instant doneAt = status == PlanItem.Status.DONE
        ? (item.status() == PlanItem.Status.DONE ? item.doneAt() : clock.instant()) : null;
    Long exchangeId = status == PlanItem.Status.DONE ? item.exchangeId() : null;
    jdbc.sql("update plan_item set title = ?, kind = ?, due_on = ?, assignee = ?, status = ?, done_at = ?,"
            + " exchange_id = ?, updated_at = ?, version = version + 1 where id = ?")
        .params(title, kind.name(), dueOn, assignee, status.name(), doneAt == null ? null : Timestamp.from(doneAt),
            exchangeId, Timestamp.from(clock.instant()), id)
        .update();
    return get(id);
  }

  @Transactional(readOnly = true)
  PlanItem get(long id) {
    return jdbc.sql("select * from plan_item where id = ?").param(id).query(PlanItems::item).optional()
        .orElseThrow(() -> new NotFoundException("Plan item", id));
  }

  /**
   * Closes the customer's earliest planned item this exchange fulfils: of a kind the exchange's type does, due no
   * later than {@code fulfil-days-ahead} after it (a call made a few days early counts; next quarter's visit is not
   * done by today's). @return the item closed, if any
   */
  @Transactional
  java.util.Optional<Long> fulfil(long customerId, String exchangeType, long exchangeId, Instant at) {
    LocalDate day = at.atZone(properties.zone()).toLocalDate();
    List<PlanItem> open = jdbc.sql("select * from plan_item where customer_id = ? and status = 'PLANNED'"
            + " and due_on <= ? order by due_on, id")
        .params(customerId, day.plusDays(properties.fulfilDaysAhead())).query(PlanItems::item).list();
    return open.stream().filter(item -> item.kind().fulfilledBy(exchangeType)).findFirst().map(item -> {
      jdbc.sql("update plan_item set status = 'DONE', done_at = ?, exchange_id = ?, updated_at = ?,"
              + " version = version + 1 where id = ?")
          .params(Timestamp.from(at), exchangeId, Timestamp.from(clock.instant()), item.id()).update();
      return item.id();
    });
  }

  /** Per customer, the earliest planned item due on or before the day (overdue ones too): it joins that day's list. */
  @Transactional(readOnly = true)
  Map<Long, PlanItem> dueBy(LocalDate day) {
    Map<Long, PlanItem> earliest = new HashMap<>();
    jdbc.sql("select * from plan_item where status = 'PLANNED' and due_on <= ? order by due_on desc, id desc")
        .param(day)
        .query(rs -> {
          PlanItem item = item(rs, 0);
          earliest.put(item.customerId(), item);
        });
    return earliest;
  }

  /** The customer's planned items, a line each, for the contact form. */
  @Transactional(readOnly = true)
  List<String> openLines(long customerId) {
    return jdbc.sql("select * from plan_item where customer_id = ? and status = 'PLANNED' order by due_on, id"
            + " limit 10")
        .param(customerId).query(PlanItems::item).list().stream()
        .map(item -> item.dueOn() + " · " + item.kind() + " · " + item.title() + " (" + item.assignee() + ")")
        .toList();
  }

  /** Items of these people due in [from, to], cancelled ones left out: the report's share of plan items. */
  @Transactional(readOnly = true)
  List<PlanItem> dueIn(Collection<String> assignees, LocalDate from, LocalDate to) {
    if (assignees != null && assignees.isEmpty()) {
      return List.of();
    }
    String who = assignees == null ? "" : " and assignee in (:assignees)";
    var query = jdbc.sql("select * from plan_item where status <> 'CANCELLED' and due_on between :from and :to" + who)
        .param("from", from).param("to", to);
    if (assignees != null) {
      query = query.param("assignees", assignees);
    }
    return query.query(PlanItems::item).list();
  }

  /** Which of these exchanges fulfilled a plan item. */
  @Transactional(readOnly = true)
  java.util.Set<Long> fulfilledBy(Collection<Long> exchangeIds) {
    if (exchangeIds.isEmpty()) {
      return java.util.Set.of();
    }
    java.util.Set<Long> found = new java.util.HashSet<>();
    List<Long> ids = List.copyOf(exchangeIds);
    for (int from = 0; from < ids.size(); from += 1000) {
      found.addAll(jdbc.sql("select exchange_id from plan_item where exchange_id in (:ids)")
          .param("ids", ids.subList(from, Math.min(ids.size(), from + 1000))).query(Long.class).list());
    }
    return found;
  }

  private void requireCustomer(long customerId) {
    if (!customers.exists(customerId)) {
      throw new NotFoundException("Customer", customerId);
    }
  }

  private void requireMayPlanFor(String assignee) {
    if (staff.find(assignee).isEmpty()) {
      throw new InvalidFieldException("assignee", "assignee: no user '" + assignee + "'");
    }
    if (!scope.mayAnswerFor(assignee)) {
      throw new AccessDeniedException("You may plan for yourself" + (currentUser.isAdmin() ? "" : " and the members"
          + " of the teams you manage") + ", not for " + assignee);
    }
  }

  private void requireFuture(LocalDate dueOn) {
    if (dueOn == null) {
      throw new InvalidFieldException("dueOn", "dueOn: the day it is due (yyyy-MM-dd)");
    }
    if (dueOn.isBefore(days.today())) {
      throw new InvalidFieldException("dueOn", "dueOn: " + dueOn + " is in the past");
    }
    if (dueOn.isAfter(days.today().plusYears(5))) {
      throw new InvalidFieldException("dueOn", "dueOn: at most five years ahead");
    }
  }

  private static String requireTitle(String title) {
    if (title == null || title.isBlank() || title.strip().length() > 200) {
      throw new InvalidFieldException("title", "title: 1 to 200 characters");
    }
    return title.strip();
  }

  static PlanItem item(ResultSet rs, int row) throws SQLException {
    Timestamp doneAt = rs.getTimestamp("done_at");
    return new PlanItem(rs.getLong("id"), rs.getLong("customer_id"), rs.getString("title"),
        PlanItem.Kind.valueOf(rs.getString("kind")), rs.getObject("due_on", LocalDate.class),
        rs.getString("assignee"), rs.getString("created_by"), PlanItem.Status.valueOf(rs.getString("status")),
        doneAt == null ? null : doneAt.toInstant(), rs.getObject("exchange_id", Long.class),
        rs.getObject("template_id", Long.class));
  }
}
