package com.relais.crm.delivery;

import jakarta.persistence.EntityManager;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.hibernate.Session;

/**
 * A deal's delivery is looked up by the deal about sixteen times per deal (stage listeners, decision recorders,
 * documents, the quote). The opportunity id is the delivery's natural id, so Hibernate answers from the open
 * persistence context when the delivery is already loaded; but a natural-id load in a new transaction builds and
 * translates its SQL anew each time, which was the largest cost of our code per deal (docs/performance.md). So the
 * delivery id found for a deal is remembered and the row read by its primary key (SQL Hibernate prepares once). A
 * deal's delivery never changes; an id that no longer leads to it (a creation rolled back) is forgotten and looked
 * up again.
 */
class DeliveryByDealImpl implements DeliveryByDeal {
  /** Deals remembered at most; beyond that the memory starts again (a delivery lives a few weeks). */
  static final int REMEMBERED_DEALS = 50_000;

  private final EntityManager entityManager;
  private final Map<Long, Long> deliveryIdByDeal = new ConcurrentHashMap<>();

  DeliveryByDealImpl(EntityManager entityManager) {
    this.entityManager = entityManager;
  }

  @Override
  public Optional<Delivery> findByOpportunityId(long opportunityId) {
    Long known = deliveryIdByDeal.get(opportunityId);
    if (known != null) {
      Delivery delivery = entityManager.find(Delivery.class, known);
      if (delivery != null && delivery.getOpportunityId() == opportunityId) {
        return Optional.of(delivery);
      }
      deliveryIdByDeal.remove(opportunityId, known);
    }
    Optional<Delivery> found =
        entityManager.unwrap(Session.class).bySimpleNaturalId(Delivery.class).loadOptional(opportunityId);
    found.filter(d -> d.getId() != null).ifPresent(d -> remember(opportunityId, d.getId()));
    return found;
  }

  private void remember(long opportunityId, long deliveryId) {
    if (deliveryIdByDeal.size() >= REMEMBERED_DEALS) {
      deliveryIdByDeal.clear();
    }
    deliveryIdByDeal.put(opportunityId, deliveryId);
  }
}
