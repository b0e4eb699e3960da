package com.relais.crm.opportunity;

import org.springframework.context.ApplicationContext;

/** Lets the benchmark (another package) sign a deal through the one class that signals the sale, as the API does. */
public final class BenchAccess {
  private BenchAccess() {}

  public static void signDeliveryNote(ApplicationContext context, long opportunityId, String signedBy) {
    context.getBean(SaleProcess.class).signDeliveryNote(opportunityId, signedBy);
  }
}
