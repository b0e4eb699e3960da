package com.relais.crm.contact;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The day's contacts as a person reads them on their own screen: their own entries first, then those of the teams
 * they manage, each with the Tasklist task that records its result. The staff web app's "Today" page reads this.
 */
@Component
public class TodaysContacts {
  private final ContactPlans plans;
  private final StaffScope scope;
  private final WorkingDays days;

  TodaysContacts(ContactPlans plans, StaffScope scope, WorkingDays days) {
    this.plans = plans;
    this.scope = scope;
    this.days = days;
  }

  /** One customer to contact: who, why, whose, and where it stands. */
  public record Contact(long customerId, String customerName, String assignee, int priority, String reason,
      String status, String taskId, String outcome, Instant completedAt) {}

  /** The company's today, in the contact plan's zone (a plan is a day of the company, not of the browser). */
  public LocalDate today() {
    return days.today();
  }

  /** Whether the day has a plan at all (a page says "no plan yet" rather than "nothing to do"). */
  @Transactional(readOnly = true)
  public boolean planned(LocalDate day) {
    return plans.plan(day).isPresent();
  }

  /** The caller's contacts of the day and, for a manager, their teams'; most urgent first, the caller's own first. */
  @Transactional(readOnly = true)
  public List<Contact> of(LocalDate day) {
    Set<String> visible = scope.visibleUsers();
    String me = scope.me();
    return plans.entries(day, visible).stream()
        .sorted(java.util.Comparator.comparing((ContactEntry e) -> !me.equals(e.assignee())))
        .map(e -> new Contact(e.customerId(), e.customerName(), e.assignee(), e.priority(), e.reason(),
            e.status().name(), e.taskId(), e.outcome(), e.completedAt()))
        .toList();
  }
}
