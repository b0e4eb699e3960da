package com.relais.crm.opportunity;

import com.relais.crm.platform.LikePattern;
import com.relais.crm.customer.Customer;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.criteria.Subquery;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

interface OpportunityRepository extends JpaRepository<Opportunity, Long>, JpaSpecificationExecutor<Opportunity> {
  Page<Opportunity> findByCustomerId(long customerId, Pageable page);

  /** The deals a list filter selects; a filter left empty selects everything. */
  static Specification<Opportunity> selectedBy(DealFilter filter) {
    Specification<Opportunity> spec = Specification.where(null);
    if (filter.stage() != null) {
      spec = spec.and((root, query, cb) -> cb.equal(root.get("stage"), filter.stage()));
    }
    if (filter.owner() != null && !filter.owner().isBlank()) {
      spec = spec.and((root, query, cb) -> cb.equal(root.get("owner"), filter.owner().strip()));
    }
    if (filter.customerId() != null) {
      spec = spec.and((root, query, cb) -> cb.equal(root.get("customerId"), filter.customerId()));
    }
    if (filter.minAmount() != null) {
      spec = spec.and((root, query, cb) -> cb.greaterThanOrEqualTo(root.<BigDecimal>get("amount"), filter.minAmount()));
    }
    if (filter.maxAmount() != null) {
      spec = spec.and((root, query, cb) -> cb.lessThanOrEqualTo(root.<BigDecimal>get("amount"), filter.maxAmount()));
    }
    if (filter.closeFrom() != null) {
      spec = spec.and((root, query, cb) ->
          cb.greaterThanOrEqualTo(root.<LocalDate>get("expectedCloseDate"), filter.closeFrom()));
    }
    if (filter.closeTo() != null) {
      spec = spec.and((root, query, cb) ->
          cb.lessThanOrEqualTo(root.<LocalDate>get("expectedCloseDate"), filter.closeTo()));
    }
    if (filter.q() != null && !filter.q().isBlank()) {
      spec = spec.and(matching(filter.q()));
    }
    return spec;
  }

  /** Title or customer name contains the words, case-insensitive. */
  static Specification<Opportunity> matching(String q) {
    String pattern = LikePattern.containing(q);
    return (root, query, cb) -> {
      Subquery<Long> ofNamedCustomers = query.subquery(Long.class);
      Root<Customer> customer = ofNamedCustomers.from(Customer.class);
      ofNamedCustomers.select(customer.get("id"))
          .where(cb.like(cb.lower(customer.get("name")), pattern, LikePattern.ESCAPE));
      return cb.or(cb.like(cb.lower(root.get("title")), pattern, LikePattern.ESCAPE),
          root.get("customerId").in(ofNamedCustomers));
    };
  }
}
