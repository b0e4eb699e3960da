package com.relais.crm.reporting;

import com.relais.crm.campaign.CampaignResults;
import com.relais.crm.contact.TeamResults;
import com.relais.crm.delivery.DeliveryStage;
import com.relais.crm.delivery.TransportPayments;
import com.relais.crm.opportunity.DealFigures;
import com.relais.crm.routing.RoundFigures;
import com.relais.crm.support.SupportFigures;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A month's figures, gathered through the public faces of the modules that hold them. They are stored with the PDF
 * as JSON and the managers' mail is written from them, so the records hold plain values only (and no method Jackson
 * would take for a property).
 */
@Service
class MonthlyFigures {
  private final ReportMonths months;
  private final DealFigures deals;
  private final TransportPayments transport;
  private final SupportFigures support;
  private final CampaignResults campaigns;
  private final TeamResults teams;
  private final Objectives objectives;
  private final RoundFigures rounds;

  MonthlyFigures(ReportMonths months, DealFigures deals, TransportPayments transport, SupportFigures support,
      CampaignResults campaigns, TeamResults teams, Objectives objectives, RoundFigures rounds) {
    this.months = months;
    this.deals = deals;
    this.transport = transport;
    this.support = support;
    this.campaigns = campaigns;
    this.teams = teams;
    this.objectives = objectives;
    this.rounds = rounds;
  }

  /**
   * The month's figures. Amounts are added as the deals hold them: the company works in one currency, and
   * {@code currencies} lists those met so that the report can say when that was not so. {@code rounds} is null in a
   * report stored before the rounds were counted (its JSON has no such field), and the mail and the JSON then leave
   * the section out rather than show zeros that were never counted.
   */
  record Figures(String month, List<String> currencies, Total won, Total lost, Total transportPaid,
      Map<String, Long> deliveriesByStage, long casesOpened, long casesResolved, List<CampaignLine> campaigns,
      List<TeamLine> teams, List<PersonLine> people, RoundsLine rounds) {}

  /** A count and the sum of its amounts (revenue is the amount of the deals won). */
  record Total(long count, BigDecimal amount) {}

  record CampaignLine(String name, String channel, long sent, long replies, long dealsWon, BigDecimal revenue) {}

  /** A team's planned work of the month and what became of it; done = on time or late. */
  record TeamLine(String name, String managerId, int planned, int done, int missed, int escalated,
      int unplannedDone) {}

  /**
   * A salesperson's month against their objectives (null where none was set): deals won and their amount, and the
   * contacts they made (planned or not).
   */
  record PersonLine(String userId, long dealsWon, BigDecimal amountWon, Integer objectiveDeals,
      BigDecimal objectiveAmount, int contactsDone, Integer objectiveContacts) {}

  /**
   * The couriers' rounds of the month's approved plans (a refused or still proposed plan was never driven): how many,
   * their stops, kilometres and driving time, what they cost (km and hours at the routing settings' rates, as each
   * round was costed when planned) against the value of the deliveries they carried; {@code costShare} is cost /
   * value (0.0425 for 4.25 %), null when nothing of value was carried. {@code unplannedStops}: deliveries those plans
   * could not put on a round.
   */
  record RoundsLine(long plans, long rounds, long stops, long unplannedStops, BigDecimal distanceKm,
      long durationMinutes, BigDecimal hours, BigDecimal transportCost, BigDecimal carriedValue, BigDecimal costShare,
      List<CourierLine> couriers) {}

  /** One courier's approved rounds of the month, the same figures as {@link RoundsLine}. */
  record CourierLine(String courier, long rounds, long stops, BigDecimal distanceKm, long durationMinutes,
      BigDecimal hours, BigDecimal transportCost, BigDecimal carriedValue, BigDecimal costShare) {}

  @Transactional(readOnly = true)
  Figures of(YearMonth month) {
    Instant from = months.start(month);
    Instant to = months.end(month);
    List<DealFigures.Closed> closed = deals.closedIn(from, to);
    List<DealFigures.Closed> won = closed.stream().filter(DealFigures.Closed::won).toList();
    TransportPayments.Paid paid = transport.paidIn(from, to);
    SupportFigures.Cases cases = support.in(from, to);
    TeamResults.Results work = teams.of(month.atDay(1), month.atEndOfMonth());
    return new Figures(month.toString(),
        closed.stream().map(DealFigures.Closed::currency).distinct().sorted().toList(),
        total(won), total(closed.stream().filter(deal -> !deal.won()).toList()),
        new Total(paid.deliveries(), paid.total()), deliveriesByStage(deals.stagesReached(from, to)),
        cases.opened(), cases.resolved(), campaignLines(from, to), teamLines(work), people(month, won, work),
        roundsLine(rounds.approvedIn(month)));
  }

  private static RoundsLine roundsLine(RoundFigures.Month m) {
    RoundFigures.Totals t = m.total();
    return new RoundsLine(m.plans(), t.rounds(), t.stops(), m.unplannedStops(), t.distanceKm(), t.durationMinutes(),
        t.hours(), t.transportCost(), t.carriedValue(), t.costShare(), m.couriers().stream().map(c -> {
          RoundFigures.Totals f = c.figures();
          return new CourierLine(c.courier(), f.rounds(), f.stops(), f.distanceKm(), f.durationMinutes(), f.hours(),
              f.transportCost(), f.carriedValue(), f.costShare());
        }).toList());
  }

  private static Total total(List<DealFigures.Closed> deals) {
    return new Total(deals.size(), deals.stream().map(DealFigures.Closed::amount).reduce(BigDecimal.ZERO,
        BigDecimal::add));
  }

  /** Every delivery stage in its order, those no delivery reached with 0: the chart shows the whole way. */
  private static Map<String, Long> deliveriesByStage(Map<String, Long> reached) {
    Map<String, Long> byStage = new LinkedHashMap<>();
    for (DeliveryStage stage : DeliveryStage.values()) {
      byStage.put(stage.name(), reached.getOrDefault(stage.name(), 0L));
    }
    return byStage;
  }

  private List<CampaignLine> campaignLines(Instant from, Instant to) {
    return campaigns.sentIn(from, to).stream().map(c -> new CampaignLine(c.name(), c.channel(), c.sent(),
        c.replies(), c.dealsWon(), c.revenue())).toList();
  }

  private static List<TeamLine> teamLines(TeamResults.Results work) {
    return work.teams().stream().map(team -> {
      TeamResults.Counts c = team.counts();
      return new TeamLine(team.name(), team.managerId(), c.planned(), c.doneOnTime() + c.doneLate(), c.missed(),
          c.escalated(), c.unplannedDone());
    }).toList();
  }

  /** Whoever won a deal in the month or has an objective for it, best amount first. */
  private List<PersonLine> people(YearMonth month, List<DealFigures.Closed> won, TeamResults.Results work) {
    // null: everyone's objectives of the month
    Map<String, Objectives.Objective> objectiveOf = objectives.of(month, (Collection<String>) null).stream()
        .collect(Collectors.toMap(Objectives.Objective::userId, Function.identity(), (first, second) -> first));
    Map<String, Integer> contactsOf = work.people().stream().collect(Collectors.toMap(
        TeamResults.PersonResult::userId,
        p -> p.counts().doneOnTime() + p.counts().doneLate() + p.counts().unplannedDone(), Integer::sum));
    Set<String> people = new TreeSet<>(objectiveOf.keySet());
    won.forEach(deal -> people.add(deal.owner()));
    return people.stream().map(userId -> {
      List<DealFigures.Closed> theirs = won.stream().filter(deal -> deal.owner().equals(userId)).toList();
      Objectives.Objective objective = objectiveOf.get(userId);
      return new PersonLine(userId, theirs.size(), total(theirs).amount(),
          objective == null ? null : objective.dealsWon(), objective == null ? null : objective.amountWon(),
          contactsOf.getOrDefault(userId, 0), objective == null ? null : objective.contacts());
    }).sorted(Comparator.comparing(PersonLine::amountWon).reversed().thenComparing(PersonLine::userId)).toList();
  }
}
