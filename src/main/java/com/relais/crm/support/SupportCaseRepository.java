package com.relais.crm.support;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface SupportCaseRepository extends JpaRepository<SupportCase, Long> {
  List<SupportCase> findByOpportunityIdOrderByOpenedAtDesc(long opportunityId);

  Optional<SupportCase> findByDeliveryProcessInstanceId(String deliveryProcessInstanceId);
}
