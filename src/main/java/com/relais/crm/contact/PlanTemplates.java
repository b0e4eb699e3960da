package com.relais.crm.contact;

import com.relais.crm.customer.ContactCards;
import com.relais.crm.identity.CurrentUser;
import com.relais.crm.platform.InvalidFieldException;
import com.relais.crm.platform.NotFoundException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import com.relais.crm.audit.AuditTrail;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Templates per customer category keep work plans filled ahead, so that the plan runs on its own ("a key account
 * gets a visit every quarter and a call every month"). Each morning, before the day's list is drawn, every customer
 * of a template's category without a planned item of it gets the next one once it falls due within the horizon:
 * a period after the last one, or for a customer new to the template a day spread over the first period (a thousand
 * key accounts do not all fall due on the day the template is added). An item left overdue holds the next one back:
 * the plan does not pile up what nobody did.
 */
@Service
class PlanTemplates {
  private final JdbcClient jdbc;
  private final JdbcTemplate batch;
  private final com.relais.crm.customer.CustomerCategories categories;
  private final ContactPlanProperties properties;
  private final Clock clock;
  private final AuditTrail audit;

  PlanTemplates(JdbcClient jdbc, JdbcTemplate batch, com.relais.crm.customer.CustomerCategories categories,
      ContactPlanProperties properties, Clock clock, AuditTrail audit) {
    this.audit = audit;
    this.categories = categories;
    this.jdbc = jdbc;
    this.batch = batch;
    this.properties = properties;
    this.clock = clock;
  }

  record Template(long id, String category, PlanItem.Kind kind, String title, int everyMonths, boolean active) {}

  record TemplateRequest(String category, PlanItem.Kind kind, String title, Integer everyMonths, Boolean active) {}

  @Transactional(readOnly = true)
  List<Template> list() {
    return jdbc.sql("select * from plan_template order by category, every_months, id")
        .query((rs, n) -> new Template(rs.getLong("id"), rs.getString("category"),
            PlanItem.Kind.valueOf(rs.getString("kind")), rs.getString("title"), rs.getInt("every_months"),
            rs.getBoolean("active")))
        .list();
  }

  @Transactional(readOnly = true)
  Template get(long id) {
    return list().stream().filter(t -> t.id() == id).findFirst()
        .orElseThrow(() -> new NotFoundException("Plan template", id));
  }

  @Transactional
  Template add(TemplateRequest request) {
    check(request);
    // a retired category may still have customers whose plans the template keeps
    categories.requireKnown(request.category().strip());
    var key = new org.springframework.jdbc.support.GeneratedKeyHolder();
    jdbc.sql("insert into plan_template (category, kind, title, every_months, active, created_at)"
            + " values (?, ?, ?, ?, ?, ?)")
        .params(request.category().strip(), request.kind().name(), request.title().strip(), request.everyMonths(),
            request.active() == null || request.active(), Timestamp.from(clock.instant()))
        .update(key, "id");
    Template added = get(key.getKey().longValue());
    audit.recordChange("plan-template", added.id(), null, added);
    return added;
  }

  /** Changes title, period or whether it is active; a retired template makes no new items, old ones stay. */
  @Transactional
  Template change(long id, TemplateRequest request) {
    Template current = get(id);
    String title = request.title() == null ? current.title() : request.title();
    int every = request.everyMonths() == null ? current.everyMonths() : request.everyMonths();
    boolean active = request.active() == null ? current.active() : request.active();
    check(new TemplateRequest(current.category(), current.kind(), title, every, active));
    jdbc.sql("update plan_template set title = ?, every_months = ?, active = ? where id = ?")
        .params(title.strip(), every, active, id).update();
    Template changed = get(id);
    audit.recordChange("plan-template", id, current, changed);
    return changed;
  }

  private static void check(TemplateRequest request) {
    if (request.category() == null || request.category().isBlank() || request.category().strip().length() > 40) {
      throw new InvalidFieldException("category", "category: a customer category code");
    }
    if (request.kind() == null) {
      throw new InvalidFieldException("kind", "kind: one of CALL, VISIT, EMAIL, FOLLOW_UP, OTHER");
    }
    if (request.title() == null || request.title().isBlank() || request.title().strip().length() > 200) {
      throw new InvalidFieldException("title", "title: 1 to 200 characters");
    }
    if (request.everyMonths() == null || request.everyMonths() < 1 || request.everyMonths() > 24) {
      throw new InvalidFieldException("everyMonths", "everyMonths: 1 to 24");
    }
  }

  /**
   * Creates the items the templates call for by {@code day} plus the horizon. @param accountManagers customer to the
   * person who looks after them (else the customer's creator plans it) @return how many items were created
   */
  @Transactional
  int generateAhead(LocalDate day, List<ContactCards.Card> cards, Map<Long, String> accountManagers) {
    LocalDate horizon = day.plusDays(properties.templateHorizonDays());
    List<Object[]> rows = new ArrayList<>();
    for (Template template : list()) {
      if (!template.active()) {
        continue;
      }
      Set<Long> planned = new HashSet<>(jdbc.sql("select distinct customer_id from plan_item"
          + " where template_id = ? and status = 'PLANNED'").param(template.id()).query(Long.class).list());
      Map<Long, LocalDate> lastDue = new HashMap<>();
      jdbc.sql("select customer_id, max(due_on) from plan_item where template_id = ? group by customer_id")
          .param(template.id())
          .query(rs -> {
            lastDue.put(rs.getLong(1), rs.getObject(2, LocalDate.class));
          });
      for (ContactCards.Card card : cards) {
        if (!template.category().equals(card.category()) || planned.contains(card.id())) {
          continue;
        }
        LocalDate next = nextDue(template, card.id(), lastDue.get(card.id()), day);
        if (!next.isAfter(horizon)) {
          String assignee = accountManagers.getOrDefault(card.id(), card.createdBy());
          rows.add(new Object[] {card.id(), template.title(), template.kind().name(), next, assignee,
              CurrentUser.SYSTEM, "PLANNED", template.id(), Timestamp.from(clock.instant()),
              Timestamp.from(clock.instant())});
        }
      }
    }
    batch.batchUpdate("insert into plan_item (customer_id, title, kind, due_on, assignee, created_by, status,"
        + " template_id, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows);
    return rows.size();
  }

  private static LocalDate nextDue(Template template, long customerId, LocalDate last, LocalDate day) {
    if (last == null) {
      long periodDays = template.everyMonths() * 30L;
      return day.plusDays(Math.floorMod(customerId * 31 + template.id(), periodDays));
    }
    LocalDate next = last.plusMonths(template.everyMonths());
    while (next.isBefore(day)) {
      next = next.plusMonths(template.everyMonths());
    }
    return next;
  }
}
