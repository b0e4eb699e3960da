package com.relais.crm.customer;

import com.relais.crm.platform.LikePattern;
import java.util.Optional;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface CustomerRepository extends JpaRepository<Customer, Long>, JpaSpecificationExecutor<Customer> {

  /** Name or e-mail contains the words, case-insensitive. */
  static Specification<Customer> matching(String q) {
    String pattern = LikePattern.containing(q);
    return (root, query, cb) -> cb.or(
        cb.like(cb.lower(root.get("name")), pattern, LikePattern.ESCAPE),
        cb.like(cb.lower(root.get("email")), pattern, LikePattern.ESCAPE));
  }

  /** Two columns of one row, without loading the record into the persistence context. */
  @Query("select new com.relais.crm.customer.CustomerService$NameAndCategory(c.name, c.category)"
      + " from Customer c where c.id = :id")
  Optional<CustomerService.NameAndCategory> nameAndCategoryOf(@Param("id") long id);

  static Specification<Customer> inCategory(String category) {
    return (root, query, cb) -> cb.equal(root.get("category"), category);
  }
}
