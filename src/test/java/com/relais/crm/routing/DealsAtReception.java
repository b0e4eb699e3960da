package com.relais.crm.routing;

import com.relais.crm.DealDriver;
import org.springframework.boot.test.web.client.TestRestTemplate;

/** The rounds' tests' stops: deals by internal transport, confirmed and paid, at their reception task. */
final class DealsAtReception {
  private DealsAtReception() {}

  /**
   * A deal of a new customer named {@code name} (placed or not), won with internal transport, confirmed and paid,
   * waiting at "Record the reception": a stop of any day's rounds from now on ({@link RoundsForTests}, which makes
   * them for the tests of other packages too).
   */
  static long dealAtReception(TestRestTemplate rest, DealDriver deals, String name, Double latitude,
      Double longitude) {
    return new RoundsForTests(rest, deals, null)
        .dealAtReception(name, "1 rue " + name + ", Lyon", latitude, longitude).opportunityId();
  }
}
