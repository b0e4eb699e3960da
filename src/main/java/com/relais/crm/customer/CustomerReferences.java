package com.relais.crm.customer;

/**
 * The question this module asks before it removes a customer (an import's undo): does a record of a higher module
 * refer to them? Tables with a foreign key on the customer answer by themselves; a module whose records point at a
 * customer without one (an attachment's owner) answers here, so no removal ever leaves its records orphaned.
 */
public interface CustomerReferences {
  /** What refers to the customer, in words ("2 files"), or null when nothing does. */
  String referencesTo(long customerId);
}
