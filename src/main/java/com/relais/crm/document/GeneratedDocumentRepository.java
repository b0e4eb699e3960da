package com.relais.crm.document;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface GeneratedDocumentRepository extends JpaRepository<GeneratedDocument, Long> {
  Optional<GeneratedDocument> findByObjectKey(String objectKey);

  List<GeneratedDocument> findByOpportunityIdOrderByCreatedAtAsc(long opportunityId);
}
