package com.relais.cyclefixture.billing;

import com.relais.cyclefixture.ordering.Orders;

/** The other half of the deliberate cycle. */
public class Invoices {
  public Orders orders;
}
