package com.relais.crm.document;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/**
 * Queries written out in JPQL rather than derived from method names: Hibernate translates a derived (criteria) query
 * again on every call, and these run inside the deal's engine steps (docs/performance.md).
 */
interface GeneratedDocumentRepository extends JpaRepository<GeneratedDocument, Long> {
  @Query("select d from GeneratedDocument d where d.objectKey = :objectKey")
  Optional<GeneratedDocument> findByObjectKey(String objectKey);

  @Query("select d from GeneratedDocument d where d.opportunityId = :opportunityId order by d.createdAt asc")
  List<GeneratedDocument> findByOpportunityIdOrderByCreatedAtAsc(long opportunityId);

  @Query("select d.id from GeneratedDocument d where d.opportunityId = :opportunityId and d.kind = :kind")
  Optional<Long> findIdByOpportunityIdAndKind(long opportunityId, DocumentKind kind);
}
