package com.relais.crm.communication;

import java.time.Instant;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

interface CommunicationRepository extends JpaRepository<Communication, Long>, JpaSpecificationExecutor<Communication> {

  /** Shared, or private and written by or assigned to {@code userId}. */
  static Specification<Communication> visibleTo(String userId) {
    return (root, query, cb) -> cb.or(
        cb.isFalse(root.get("privateEntry")),
        cb.equal(root.get("author"), userId),
        cb.isMember(userId, root.<java.util.Collection<String>>get("assignees")));
  }

  /**
   * Subject or details contain the words, case-insensitive. Written as lower(column) like '%..%' on purpose:
   * on PostgreSQL that is the expression the trigram indexes of V11 cover.
   */
  static Specification<Communication> matching(String q) {
    String pattern = likePattern(q);
    return (root, query, cb) -> cb.or(
        cb.like(cb.lower(root.get("subject")), pattern, '\\'),
        cb.like(cb.lower(root.get("details")), pattern, '\\'));
  }

  static String likePattern(String q) {
    return "%" + q.strip().toLowerCase().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
  }

  static Specification<Communication> ofType(String type) {
    return (root, query, cb) -> cb.equal(root.get("type"), type);
  }

  static Specification<Communication> inStatus(String status) {
    return (root, query, cb) -> cb.equal(root.get("status"), status);
  }

  static Specification<Communication> startingFrom(Instant from) {
    return (root, query, cb) -> cb.greaterThanOrEqualTo(root.get("startsAt"), from);
  }

  static Specification<Communication> startingUntil(Instant to) {
    return (root, query, cb) -> cb.lessThanOrEqualTo(root.get("startsAt"), to);
  }

  static Specification<Communication> ofCustomer(long customerId) {
    return (root, query, cb) -> cb.equal(root.get("customerId"), customerId);
  }

  static Specification<Communication> aboutOpportunity(long opportunityId) {
    return (root, query, cb) -> cb.isMember(opportunityId, root.<java.util.Collection<Long>>get("opportunityIds"));
  }

  static Specification<Communication> writtenBy(String author) {
    return (root, query, cb) -> cb.equal(root.get("author"), author);
  }
}
