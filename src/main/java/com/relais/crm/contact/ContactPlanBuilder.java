package com.relais.crm.contact;

import com.relais.crm.communication.ContactHistory;
import com.relais.crm.customer.ContactCards;
import com.relais.crm.delivery.DeliveriesUnderway;
import com.relais.crm.identity.StaffDirectory;
import com.relais.crm.identity.Teams;
import com.relais.crm.opportunity.AccountManagers;
import com.relais.crm.support.OpenSupportCases;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Draws a day's list: fills the work plans from their templates, gathers what each module knows of every customer
 * (a handful of grouped queries, never one per customer), asks the selection table about each, shares the picked
 * ones out ({@link PlanSharing}) and stores the entries. The contacts' tasks are started afterwards in batches by
 * {@link ContactPlanProcess}, so this transaction holds rows of the CRM only, never thousands of tasks.
 */
@Component
class ContactPlanBuilder {
  private static final Logger log = LoggerFactory.getLogger(ContactPlanBuilder.class);

  private final ContactCards cards;
  private final AccountManagers accountManagers;
  private final ContactHistory history;
  private final DeliveriesUnderway deliveries;
  private final OpenSupportCases supportCases;
  private final PlanItems items;
  private final PlanTemplates templates;
  private final ContactPlans plans;
  private final ContactSelection selection;
  private final Teams teams;
  private final StaffDirectory staff;
  private final ContactPlanProperties properties;
  private final Clock clock;

  ContactPlanBuilder(ContactCards cards, AccountManagers accountManagers, ContactHistory history,
      DeliveriesUnderway deliveries, OpenSupportCases supportCases, PlanItems items, PlanTemplates templates,
      ContactPlans plans, ContactSelection selection, Teams teams, StaffDirectory staff,
      ContactPlanProperties properties, Clock clock) {
    this.cards = cards;
    this.accountManagers = accountManagers;
    this.history = history;
    this.deliveries = deliveries;
    this.supportCases = supportCases;
    this.items = items;
    this.templates = templates;
    this.plans = plans;
    this.selection = selection;
    this.teams = teams;
    this.staff = staff;
    this.properties = properties;
    this.clock = clock;
  }

  /** @return how many contacts the day's plan shares out */
  @Transactional
  int build(LocalDate day) {
    long started = System.nanoTime();
    List<ContactCards.Card> customers = cards.all();
    Map<Long, String> managers = accountManagers.byCustomer();
    int generated = templates.generateAhead(day, customers, managers);

    Map<Long, Instant> lastContact = history.lastContactByCustomer();
    Map<Long, String> deliveryByDeal = deliveries.stageByDeal();
    Set<Long> supportDeals = supportCases.dealIds();
    Set<Long> deals = new HashSet<>(deliveryByDeal.keySet());
    deals.addAll(supportDeals);
    Map<Long, Long> customerOfDeal = accountManagers.customersOf(deals);
    Set<Long> expectingDelivery = new HashSet<>();
    deliveryByDeal.keySet().forEach(deal -> expectingDelivery.add(customerOfDeal.get(deal)));
    Set<Long> withSupportCase = new HashSet<>();
    supportDeals.forEach(deal -> withSupportCase.add(customerOfDeal.get(deal)));
    Map<Long, PlanItem> dueItems = items.dueBy(day);
    Map<Long, FollowUp> followUps = plans.dueFollowUps(day);

    ContactSelection.Evaluator table = selection.latestTable();
    // the table is a pure function of the facts, and a FEEL evaluation costs milliseconds: customers with the same
    // facts (same category, days, flags) are asked about once per build (docs/performance.md, scenario P)
    Map<CustomerFacts, java.util.Optional<ContactSelection.Pick>> answers = new HashMap<>();
    List<PlanSharing.Candidate> candidates = new ArrayList<>();
    for (ContactCards.Card customer : customers) {
      Instant last = lastContact.get(customer.id());
      Integer daysSince = last == null ? null
          : (int) ChronoUnit.DAYS.between(last.atZone(properties.zone()).toLocalDate(), day);
      PlanItem dueItem = dueItems.get(customer.id());
      FollowUp followUp = followUps.get(customer.id());
      CustomerFacts facts = new CustomerFacts(customer.category(), daysSince,
          expectingDelivery.contains(customer.id()), withSupportCase.contains(customer.id()), dueItem != null,
          dueItem == null ? null : dueItem.title(),
          followUp != null && followUp.kind() == FollowUp.Kind.CALL_BACK, customer.marketingConsent());
      var pick = answers.computeIfAbsent(facts, table::pick);
      if (pick.isEmpty() && followUp == null) {
        continue;
      }
      int priority = pick.map(ContactSelection.Pick::priority).orElse(0);
      String reason = pick.map(ContactSelection.Pick::reason).orElse(null);
      if (followUp != null && followUp.kind() == FollowUp.Kind.CARRIED_OVER) {
        priority += followUp.priorityBoost();
        reason = followUp.reason();
      }
      if (reason == null || reason.isBlank()) {
        reason = followUp != null ? followUp.reason() : "Picked by the selection table";
      }
      String preferred = followUp != null && followUp.assignee() != null ? followUp.assignee()
          : dueItem != null ? dueItem.assignee()
          : managers.getOrDefault(customer.id(), customer.createdBy());
      candidates.add(new PlanSharing.Candidate(customer.id(), customer.name(), priority, reason, preferred,
          daysSince == null ? Integer.MAX_VALUE : daysSince, followUp == null ? null : followUp.id()));
    }

    PlanSharing.Result result = sharing().share(candidates);
    plans.addEntries(day, result.shares());
    plans.followUpsUsed(day, result.shares().stream().map(s -> s.candidate().customerId()).toList());
    plans.built(day, result.shares().size(), result.leftOver(), clock.instant());
    log.info("Contact plan {}: {} customers weighed ({} distinct facts asked of the table), {} picked, {} shared"
            + " out, {} left for later, {} plan items generated, in {} ms", day, customers.size(), answers.size(),
        candidates.size(), result.shares().size(), result.leftOver(), generated,
        (System.nanoTime() - started) / 1_000_000);
    return result.shares().size();
  }

  /** The teams as they are this morning: who takes contacts (members in a contact group), and who is in which. */
  private PlanSharing sharing() {
    Map<Long, List<String>> takers = new HashMap<>();
    Map<String, Long> teamOf = new HashMap<>();
    for (Teams.Team team : teams.list(0, 1000)) {
      teamOf.putIfAbsent(team.managerId(), team.id());
      List<String> members = new ArrayList<>();
      for (String member : team.memberIds()) {
        teamOf.put(member, team.id());
        if (staff.groupsOf(member).stream().anyMatch(properties.contactGroups()::contains)) {
          members.add(member);
        }
      }
      takers.put(team.id(), members);
    }
    return new PlanSharing(properties.dailyCap(), takers, teamOf);
  }
}
