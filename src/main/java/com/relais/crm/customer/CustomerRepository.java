package com.relais.crm.customer;

import com.relais.crm.platform.LikePattern;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

interface CustomerRepository extends JpaRepository<Customer, Long>, JpaSpecificationExecutor<Customer> {

  /** Name or e-mail contains the words, case-insensitive. */
  static Specification<Customer> matching(String q) {
    String pattern = LikePattern.containing(q);
    return (root, query, cb) -> cb.or(
        cb.like(cb.lower(root.get("name")), pattern, LikePattern.ESCAPE),
        cb.like(cb.lower(root.get("email")), pattern, LikePattern.ESCAPE));
  }

  static Specification<Customer> inCategory(String category) {
    return (root, query, cb) -> cb.equal(root.get("category"), category);
  }
}
