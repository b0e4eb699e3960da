package com.relais.cyclefixture.ordering;

import com.relais.cyclefixture.billing.Invoices;

/** Half of a deliberate cycle: the modularity test shows that verification refuses it. */
public class Orders {
  public Invoices invoices;
}
