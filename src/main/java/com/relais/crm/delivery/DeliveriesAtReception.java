package com.relais.crm.delivery;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The deliveries our own couriers carry next (the couriers' rounds, issue 20): transport {@code INTERNAL}, confirmed
 * and paid, waiting at the reception. The diagram keeps the stage {@code DELIVERY_6_PAYMENT} from "Pay the
 * transport" until the reception is recorded, and sets the payment reference when the transport is paid: a delivery
 * in that stage with a payment reference has passed confirmation and payment and is at (or on its way to) the
 * reception task. A received or rejected one has moved to stage 7 or 8 and is no longer a stop.
 */
@Component
public class DeliveriesAtReception {
  private final JdbcClient jdbc;

  DeliveriesAtReception(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * A delivery the couriers carry: its deal and, when it goes to a site other than the customer's address, its own
   * place (WGS 84 degrees, both set or both null). The rounds read the place here rather than the delivery's
   * internals.
   */
  public record InternalDelivery(long opportunityId, Double latitude, Double longitude) {
    /** Whether the delivery has a place of its own; if not, it goes to the customer's address. */
    public boolean placed() {
      return latitude != null && longitude != null;
    }
  }

  /** The deliveries by internal transport waiting at the reception, oldest first, with their own place if any. */
  @Transactional(readOnly = true)
  public List<InternalDelivery> internalAwaitingReception() {
    return jdbc.sql("select opportunity_id, latitude, longitude from delivery where transport = :transport"
            + " and stage = :stage and payment_reference is not null order by id")
        .param("transport", "INTERNAL")
        .param("stage", DeliveryStage.DELIVERY_6_PAYMENT.name())
        .query((rs, n) -> new InternalDelivery(rs.getLong(1), rs.getObject(2) == null ? null : rs.getDouble(2),
            rs.getObject(3) == null ? null : rs.getDouble(3)))
        .list();
  }
}
