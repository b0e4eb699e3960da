package com.relais.crm.delivery;

import jakarta.persistence.EntityManager;
import java.util.Optional;
import org.hibernate.Session;

/**
 * The opportunity id is the delivery's natural id, so Hibernate answers from the open persistence context when the
 * delivery is already loaded. Within one engine step the decision recorder of a task and the stage listener of the
 * next element both look the delivery up; a query would go to the database (and flush) each time, which was the
 * largest cost of our code per deal (README, Performance).
 */
class DeliveryByDealImpl implements DeliveryByDeal {
  private final EntityManager entityManager;

  DeliveryByDealImpl(EntityManager entityManager) {
    this.entityManager = entityManager;
  }

  @Override
  public Optional<Delivery> findByOpportunityId(long opportunityId) {
    return entityManager.unwrap(Session.class).bySimpleNaturalId(Delivery.class).loadOptional(opportunityId);
  }
}
