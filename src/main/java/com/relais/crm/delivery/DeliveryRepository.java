package com.relais.crm.delivery;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface DeliveryRepository extends JpaRepository<Delivery, Long> {
  Optional<Delivery> findByOpportunityId(long opportunityId);
}
