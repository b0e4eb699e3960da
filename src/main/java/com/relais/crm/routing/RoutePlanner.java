package com.relais.crm.routing;

import com.relais.crm.customer.Customer;
import com.relais.crm.customer.CustomerService;
import com.relais.crm.delivery.DeliveriesAtReception;
import com.relais.crm.identity.CurrentUser;
import com.relais.crm.opportunity.Opportunity;
import com.relais.crm.opportunity.OpportunityService;
import com.relais.crm.platform.ConflictException;
import com.relais.crm.platform.InvalidFieldException;
import com.relais.crm.platform.NotFoundException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The couriers' rounds of a day. The stops are the deliveries by internal transport that are confirmed and paid and
 * wait at the reception ({@link DeliveriesAtReception}), one parcel each, at the delivery's own place when it has one
 * (another site of the customer's), else at the customer's coordinates; a stop with neither is reported as unplanned
 * with that reason. The others go to Timefold Solver ({@link RoundSolver}); whatever it could
 * not fit on a round within a van's capacity and a courier's hours is reported too, never dropped.
 */
@Service
class RoutePlanner {
  static final String NO_COORDINATES = "The delivery and its customer have no coordinates (latitude and longitude)";
  static final String DID_NOT_FIT = "No round could take it within the vans' capacity and the couriers' hours";
  private static final int PARCELS_PER_DELIVERY = 1;

  private final RoutePlanStore store;
  private final com.relais.crm.delivery.DeliveryProcess receptions;
  private final RoundSolver solver;
  private final DeliveriesAtReception deliveries;
  private final OpportunityService opportunities;
  private final CustomerService customers;
  private final RoutePlanningProcess process;
  private final RoutingProperties properties;
  private final RoadDistances roadDistances;
  private final CurrentUser currentUser;
  private final Clock clock;

  RoutePlanner(com.relais.crm.delivery.DeliveryProcess receptions, RoutePlanStore store, RoundSolver solver, DeliveriesAtReception deliveries,
      OpportunityService opportunities, CustomerService customers, RoutePlanningProcess process,
      RoutingProperties properties, RoadDistances roadDistances, CurrentUser currentUser, Clock clock) {
    this.store = store;
    this.receptions = receptions;
    this.solver = solver;
    this.deliveries = deliveries;
    this.opportunities = opportunities;
    this.customers = customers;
    this.process = process;
    this.properties = properties;
    this.roadDistances = roadDistances;
    this.currentUser = currentUser;
    this.clock = clock;
  }

  /** What POST /api/route-plans answers. */
  record Requested(String date, String status) {}

  /** What the planning step hands back to the diagram. */
  record Outcome(boolean planned, String summary, List<String> couriers) {}

  /** Someone asks for a day's rounds: 400 for a date not written YYYY-MM-DD, 409 when the day has a plan. */
  @Transactional
  Requested request(String date) {
    LocalDate day = parse(date);
    if (store.statusOf(day).isPresent()) {
      throw new ConflictException("The rounds of " + day + " are already planned or being planned");
    }
    try {
      store.insertRequested(day, currentUser.id(), clock.instant());
    } catch (DataIntegrityViolationException raced) {
      throw new ConflictException("The rounds of " + day + " are already planned or being planned");
    }
    process.request(day, currentUser.id());
    return new Requested(day.toString(), RoutePlanStore.REQUESTED);
  }

  /** Today in the company's zone: the day the working-day timer plans. */
  LocalDate today() {
    return LocalDate.now(clock.withZone(properties.zone()));
  }

  /**
   * Plans the day (the diagram's "Plan the rounds"). A day that already has a plan someone else asked for is left
   * alone ({@code planned} false); a retried job replaces what its earlier try stored.
   */
  @Transactional
  Outcome plan(LocalDate day, String requestedBy) {
    var status = store.statusOf(day);
    if (status.isPresent() && !RoutePlanStore.REQUESTED.equals(status.get())) {
      return new Outcome(false, "The rounds of " + day + " were planned already.", List.of());
    }
    if (status.isEmpty()) {
      store.insertRequested(day, requestedBy == null ? CurrentUser.SYSTEM : requestedBy, clock.instant());
    }

    List<Candidate> candidates = new ArrayList<>();
    List<RoutePlanStore.Unplanned> unplanned = new ArrayList<>();
    for (DeliveriesAtReception.InternalDelivery delivery : deliveries.internalAwaitingReception()) {
      long opportunityId = delivery.opportunityId();
      Opportunity deal = opportunities.get(opportunityId);
      Customer customer = customers.get(deal.getCustomerId());
      // a delivery to another site of the customer's carries its own place, which wins over the customer's
      Double latitude = delivery.placed() ? delivery.latitude() : customer.getLatitude();
      Double longitude = delivery.placed() ? delivery.longitude() : customer.getLongitude();
      if (latitude == null || longitude == null) {
        unplanned.add(new RoutePlanStore.Unplanned(opportunityId, customer.getName(), customer.getAddress(),
            latitude, longitude, NO_COORDINATES, deal.getAmount()));
      } else {
        candidates.add(new Candidate(opportunityId, customer.getName(), customer.getAddress(), latitude, longitude,
            deal.getAmount()));
      }
    }

    // the routing service (when one is set, and there is a stop) is asked once, for the depot and every stop; it
    // may keep this step's transaction open for up to its timeout, which is why that is a setting of its own
    List<Place> places = places(candidates);
    RoadDistances.Chosen distances = roadDistances.of(places);
    RoundsProblem solved = solver.solve(problem(candidates, places, distances.distances()));

    Map<Long, Candidate> byId = new HashMap<>();
    candidates.forEach(c -> byId.put(c.opportunityId(), c));
    List<RoutePlanStore.Round> rounds = new ArrayList<>();
    java.util.Set<Long> onARound = new java.util.HashSet<>();
    for (CourierRound round : solved.rounds()) {
      // the solver's best may still break a hard rule when the time box was short: drop stops from the end of the
      // round until it holds, and report them
      while (!round.stops().isEmpty() && (round.excessParcels() > 0 || round.minutesPastShiftEnd() > 0)) {
        round.stops().remove(round.stops().size() - 1);
      }
      if (round.stops().isEmpty()) {
        continue;
      }
      rounds.add(roundOf(day, round, byId));
      round.stops().forEach(stop -> onARound.add(stop.opportunityId()));
    }
    for (Candidate candidate : candidates) {
      if (!onARound.contains(candidate.opportunityId())) {
        unplanned.add(new RoutePlanStore.Unplanned(candidate.opportunityId(), candidate.customerName(),
            candidate.address(), candidate.latitude(), candidate.longitude(), DID_NOT_FIT, candidate.value()));
      }
    }
    String score = solved.score() == null ? null : solved.score().toString();
    store.savePlanned(day, clock.instant(), score, rounds, unplanned);
    return new Outcome(true, summary(day, rounds, unplanned, distances.note()),
        rounds.stream().map(RoutePlanStore.Round::courier).toList());
  }

  /** The dispatcher's decision on the proposed rounds. */
  @Transactional
  /** Approved, each courier may record the reception of each stop of their round (and so sign it on site). */
  void decide(LocalDate day, boolean approved, String by) {
    store.decide(day, approved, by == null ? CurrentUser.SYSTEM : by, clock.instant());
    if (approved) {
      store.find(day).ifPresent(plan -> plan.rounds().forEach(round -> round.stops().forEach(stop ->
          receptions.letCourierRecordReception(stop.opportunityId(), round.courier()))));
    }
  }

  @Transactional(readOnly = true)
  RoutePlanStore.Plan view(String date) {
    LocalDate day = parse(date);
    return store.find(day).orElseThrow(() -> new NotFoundException("Route plan", day));
  }

  /** A courier's round of the day: 404 when the day has no plan or the courier no round in it. */
  @Transactional(readOnly = true)
  RoutePlanStore.Round round(String date, String courier) {
    return view(date).rounds().stream().filter(r -> r.courier().equals(courier)).findFirst()
        .orElseThrow(() -> new NotFoundException("Round of " + courier + " on", date));
  }

  private record Candidate(long opportunityId, String customerName, String address, double latitude,
      double longitude, BigDecimal value) {}

  /** The depot (index 0), then each candidate at its index in the distance matrix: its position in the list + 1. */
  private List<Place> places(List<Candidate> candidates) {
    List<Place> places = new ArrayList<>(candidates.size() + 1);
    places.add(new Place(Place.DEPOT, properties.depotLatitude(), properties.depotLongitude()));
    for (Candidate c : candidates) {
      places.add(new Place(places.size(), c.latitude(), c.longitude()));
    }
    return places;
  }

  private RoundsProblem problem(List<Candidate> candidates, List<Place> places, Distances distances) {
    Place depot = places.get(Place.DEPOT);
    List<CourierRound> rounds = properties.couriers().stream()
        .map(c -> new CourierRound(c.id(), c.capacity(), c.shiftStartMinutes(), c.shiftEndMinutes(), depot,
            distances, properties.minutesPerStop()))
        .toList();
    List<RoundStop> stops = new ArrayList<>(candidates.size());
    for (int i = 0; i < candidates.size(); i++) {
      stops.add(new RoundStop(candidates.get(i).opportunityId(), places.get(i + 1), PARCELS_PER_DELIVERY));
    }
    return new RoundsProblem(new ArrayList<>(rounds), stops);
  }

  private RoutePlanStore.Round roundOf(LocalDate day, CourierRound round, Map<Long, Candidate> byId) {
    List<Double> arrivals = round.arrivals();
    List<RoutePlanStore.Stop> stops = new ArrayList<>();
    BigDecimal carried = BigDecimal.ZERO;
    for (int i = 0; i < round.stops().size(); i++) {
      RoundStop stop = round.stops().get(i);
      Candidate c = byId.get(stop.opportunityId());
      Instant eta = day.atStartOfDay(properties.zone()).plusSeconds(Math.round(arrivals.get(i) * 60)).toInstant();
      stops.add(new RoutePlanStore.Stop(c.opportunityId(), c.customerName(), c.address(), c.latitude(),
          c.longitude(), eta, stop.parcels(), c.value()));
      carried = carried.add(c.value());
    }
    BigDecimal km = BigDecimal.valueOf(round.meters() / 1000).setScale(2, RoundingMode.HALF_UP);
    int minutes = (int) Math.ceil(round.minutes());
    BigDecimal hours = BigDecimal.valueOf(minutes).divide(BigDecimal.valueOf(60), 4, RoundingMode.HALF_UP);
    BigDecimal cost = km.multiply(properties.costPerKm()).add(hours.multiply(properties.costPerHour()))
        .setScale(2, RoundingMode.HALF_UP);
    return new RoutePlanStore.Round(round.courier(), km, minutes, round.parcels(), cost, carried, stops);
  }

  /** @param distancesNote one line on the distances used (by road, or the fallback and why); null: nothing to say */
  private String summary(LocalDate day, List<RoutePlanStore.Round> rounds, List<RoutePlanStore.Unplanned> unplanned,
      String distancesNote) {
    StringBuilder text = new StringBuilder("Rounds of ").append(day).append('\n');
    if (distancesNote != null) {
      text.append(distancesNote).append('\n');
    }
    java.time.format.DateTimeFormatter hhmm = java.time.format.DateTimeFormatter.ofPattern("HH:mm")
        .withZone(properties.zone());
    for (RoutePlanStore.Round round : rounds) {
      text.append('\n').append(round.courier()).append(": ").append(round.stops().size()).append(" stops, ")
          .append(round.load()).append(" parcels, ").append(round.distanceKm()).append(" km, ")
          .append(round.durationMinutes()).append(" min, cost ").append(round.transportCost())
          .append(" for deliveries worth ").append(round.carriedValue()).append('\n');
      int n = 1;
      for (RoutePlanStore.Stop stop : round.stops()) {
        text.append("  ").append(n++).append(". ").append(hhmm.format(stop.eta())).append(' ')
            .append(stop.customerName()).append(stop.address() == null ? "" : " - " + stop.address()).append('\n');
      }
    }
    if (rounds.isEmpty()) {
      text.append("\nNo round today.\n");
    }
    if (!unplanned.isEmpty()) {
      text.append("\nNot planned:\n");
      for (RoutePlanStore.Unplanned stop : unplanned) {
        text.append("  ").append(stop.customerName()).append(" (deal ").append(stop.opportunityId()).append("): ")
            .append(stop.reason().toLowerCase(Locale.ROOT)).append('\n');
      }
    }
    return text.toString();
  }

  static LocalDate parse(String date) {
    if (date == null || date.isBlank()) {
      throw new InvalidFieldException("date", "date is required, written YYYY-MM-DD");
    }
    try {
      LocalDate day = LocalDate.parse(date);
      if (day.getYear() < 2000 || day.getYear() > 2100) {
        throw new InvalidFieldException("date", "date must lie between 2000 and 2100");
      }
      return day;
    } catch (DateTimeParseException e) {
      throw new InvalidFieldException("date", "date must be written YYYY-MM-DD");
    }
  }
}
