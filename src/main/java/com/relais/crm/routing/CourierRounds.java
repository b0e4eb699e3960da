package com.relais.crm.routing;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A courier's round of a day as they read it on their phone (the staff web app's "My round"): the stops in order,
 * when they are expected, where, and whether the dispatcher has approved the round yet.
 */
@Component
public class CourierRounds {
  private final RoutePlanStore store;
  private final RoutingProperties properties;

  CourierRounds(RoutePlanStore store, RoutingProperties properties) {
    this.store = store;
    this.properties = properties;
  }

  public record Stop(long opportunityId, String customerName, String address, Double latitude, Double longitude,
      Instant eta) {}

  public record Round(LocalDate day, String status, BigDecimal distanceKm, int durationMinutes, int load,
      List<Stop> stops) {

    public boolean approved() {
      return RoutePlanStore.APPROVED.equals(status);
    }
  }

  /** The company's today, in the rounds' zone. */
  public LocalDate today(Instant now) {
    return now.atZone(properties.zone()).toLocalDate();
  }

  /** Empty when the day has no plan or the courier no round in it. */
  @Transactional(readOnly = true)
  public Optional<Round> of(LocalDate day, String courier) {
    return store.find(day).flatMap(plan -> plan.rounds().stream().filter(r -> r.courier().equals(courier))
        .findFirst().map(round -> new Round(day, plan.status(), round.distanceKm(), round.durationMinutes(),
            round.load(), round.stops().stream().map(s -> new Stop(s.opportunityId(), s.customerName(), s.address(),
                s.latitude(), s.longitude(), s.eta())).toList())));
  }
}
