package com.relais.crm.delivery;

import java.util.Optional;

/** Finds a deal's one delivery; a Spring Data fragment of {@link DeliveryRepository}. */
interface DeliveryByDeal {
  Optional<Delivery> findByOpportunityId(long opportunityId);
}
