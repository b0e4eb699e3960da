package com.relais.crm.customer;

import com.relais.crm.identity.CurrentUser;
import com.relais.crm.platform.NotFoundException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class CustomerService {
  private final CustomerRepository customers;
  private final CurrentUser currentUser;
  private final Clock clock;

  CustomerService(CustomerRepository customers, CurrentUser currentUser, Clock clock) {
    this.customers = customers;
    this.currentUser = currentUser;
    this.clock = clock;
  }

  @Transactional
  public Customer create(CustomerDetails details) {
    return customers.save(new Customer(details, currentUser.id(), clock.instant()));
  }

  @Transactional
  public Customer update(long id, CustomerDetails details) {
    Customer customer = get(id);
    customer.update(details, clock.instant());
    return customer;
  }

  @Transactional(readOnly = true)
  public Customer get(long id) {
    return find(id).orElseThrow(() -> new NotFoundException("Customer", id));
  }

  @Transactional(readOnly = true)
  public Optional<Customer> find(long id) {
    return customers.findById(id);
  }

  @Transactional(readOnly = true)
  public boolean exists(long id) {
    return customers.existsById(id);
  }

  /**
   * The quick search's share: the first {@code limit} customers by name whose name or e-mail contains {@code q}.
   * No total is counted (README, Performance).
   */
  @Transactional(readOnly = true)
  public List<Customer> matching(String q, int limit) {
    return customers.findBy(CustomerRepository.matching(q),
        query -> query.sortBy(Sort.by("name")).limit(limit).all());
  }

  @Transactional(readOnly = true)
  public Page<Customer> search(String q, CustomerCategory category, Pageable page) {
    Specification<Customer> filter = Specification.where(null);
    if (q != null && !q.isBlank()) {
      filter = filter.and(CustomerRepository.matching(q));
    }
    if (category != null) {
      filter = filter.and(CustomerRepository.inCategory(category));
    }
    return customers.findAll(filter, page);
  }
}
