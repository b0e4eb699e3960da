package com.relais.crm.opportunity;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface OpportunityRepository extends JpaRepository<Opportunity, Long> {
  Page<Opportunity> findByCustomerId(long customerId, Pageable page);
}
