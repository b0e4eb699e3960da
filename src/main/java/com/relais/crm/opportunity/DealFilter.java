package com.relais.crm.opportunity;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * What a list of deals is filtered by; every part is optional. Amounts and close dates are inclusive bounds; {@code
 * q} is found in the title or the customer's name.
 */
public record DealFilter(SaleStage stage, String owner, Long customerId, BigDecimal minAmount, BigDecimal maxAmount,
    LocalDate closeFrom, LocalDate closeTo, String q) {

  static DealFilter ofCustomer(long customerId) {
    return new DealFilter(null, null, customerId, null, null, null, null, null);
  }
}
