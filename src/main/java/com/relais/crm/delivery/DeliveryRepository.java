package com.relais.crm.delivery;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface DeliveryRepository extends JpaRepository<Delivery, Long> {
  /**
   * Written out rather than derived from the method name: a derived query is a criteria query that Hibernate
   * translates again on every call, and every stage change and decision of a delivery looks its row up here
   * (README, Performance). A JPQL string is translated once and cached.
   */
  @Query("select d from Delivery d where d.opportunityId = :opportunityId")
  Optional<Delivery> findByOpportunityId(long opportunityId);
}
