package com.relais.crm.platform;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.stereotype.Component;

/**
 * The {@code replica} component of /actuator/health, present when a replica is configured: UP with its lag while it
 * serves the scanning reads, FALLBACK ("falling back to the primary") with the reason while it does not. FALLBACK is
 * a status of its own on purpose: Spring's aggregation ignores statuses it does not order, so a replica that is down
 * never marks the node down, and the load balancer keeps sending it work that the primary can answer.
 */
@Component("replica")
@ConditionalOnExpression("!'${relais.replica.url:}'.isBlank()")
class ReplicaHealth implements HealthIndicator {
  static final Status FALLBACK = new Status("FALLBACK", "falling back to the primary");

  private final ScanReads scans;

  ReplicaHealth(ScanReads scans) {
    this.scans = scans;
  }

  @Override
  public Health health() {
    ScanReads.State state = scans.state();
    Health.Builder health = state.serving() ? Health.up() : Health.status(FALLBACK);
    health.withDetail("serving", state.serving() ? "replica" : "primary")
        .withDetail("maxLagSeconds", scans.maxLag().toSeconds())
        .withDetail("replicaReads", state.replicaReads())
        .withDetail("primaryReads", state.primaryReads())
        .withDetail("checkedAt", state.checkedAt().toString());
    if (state.lagSeconds() != null) {
      health.withDetail("lagSeconds", state.lagSeconds());
    }
    if (state.reason() != null) {
      health.withDetail("reason", state.reason());
    }
    return health.build();
  }
}
