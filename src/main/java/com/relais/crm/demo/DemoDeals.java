package com.relais.crm.demo;

import com.relais.crm.opportunity.NewOpportunity;
import com.relais.crm.opportunity.OpportunityService;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Opens the deals of {@link DealPlan#PLANS} as their salespeople would (each starts its sale), then takes each one,
 * step by step through the real processes, as far as its plan says. A deal that cannot go on stays where it got to,
 * with a warning; the others still go.
 */
@Component
@DemoSeedEnabled
class DemoDeals {
  private static final Logger log = LoggerFactory.getLogger(DemoDeals.class);

  /** What the drive achieved: the deals that reached their milestone, and how many stopped short. */
  record Reached(Map<Milestone, List<Long>> deals, int stopped) {}

  private final OpportunityService opportunities;
  private final SaleSteps sale;
  private final DeliverySteps delivery;
  private final ActingAs actingAs;
  private final Clock clock;

  DemoDeals(OpportunityService opportunities, SaleSteps sale, DeliverySteps delivery, ActingAs actingAs,
      Clock clock) {
    this.opportunities = opportunities;
    this.sale = sale;
    this.delivery = delivery;
    this.actingAs = actingAs;
    this.clock = clock;
  }

  List<OpenedDeal> open(Map<String, Long> customerIds) {
    LocalDate today = LocalDate.now(clock.withZone(DemoSeed.ZONE));
    List<OpenedDeal> opened = new ArrayList<>();
    for (DealPlan plan : DealPlan.PLANS) {
      Long customerId = customerIds.get(plan.customer());
      if (customerId == null) {
        throw new IllegalStateException("The demo deal '" + plan.title() + "' names no demo customer");
      }
      long id = actingAs.crm(plan.owner(), () -> opportunities.create(new NewOpportunity(customerId, plan.title(),
          plan.amount(), "EUR", plan.owner(), today.plusDays(plan.closeInDays()))).getId());
      opened.add(new OpenedDeal(id, plan));
    }
    return opened;
  }

  Reached drive(List<OpenedDeal> deals) {
    Map<Milestone, List<Long>> reached = new EnumMap<>(Milestone.class);
    int stopped = 0;
    for (OpenedDeal deal : deals) {
      if (reach(deal)) {
        reached.computeIfAbsent(deal.plan().goal(), goal -> new ArrayList<>()).add(deal.id());
      } else {
        stopped++;
      }
    }
    return new Reached(reached, stopped);
  }

  private boolean reach(OpenedDeal deal) {
    try {
      if (journey(deal)) {
        return true;
      }
      log.warn("Demo deal '{}' ({}) stopped before '{}': a step did not come in time", deal.plan().title(),
          deal.id(), deal.plan().goal().label());
    } catch (RuntimeException e) {
      log.warn("Demo deal '{}' ({}) stopped before '{}': {}", deal.plan().title(), deal.id(),
          deal.plan().goal().label(), e.toString());
    }
    return false;
  }

  /** The sale's steps in their order (see {@link Milestone#saleSteps()}), then what the milestone adds. */
  private boolean journey(OpenedDeal deal) {
    List<Predicate<OpenedDeal>> saleSteps = List.of(sale::qualify, sale::propose, sale::followUp, sale::win,
        sale::sendNote, sale::sign);
    Milestone goal = deal.plan().goal();
    for (Predicate<OpenedDeal> step : saleSteps.subList(0, goal.saleSteps())) {
      if (!step.test(deal)) {
        return false;
      }
    }
    return switch (goal) {
      case LOST -> sale.loseAtFollowUp(deal);
      case FINANCIAL_APPROVAL -> delivery.toFinancialApproval(deal);
      case SUPPORT_CASE -> delivery.toOpenSupportCase(deal);
      case AFTER_SALE -> delivery.toAfterSale(deal);
      default -> true;
    };
  }
}
