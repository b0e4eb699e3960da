package com.relais.crm.customer;

import com.fasterxml.jackson.databind.JsonNode;
import com.relais.crm.identity.CurrentUser;
import com.relais.crm.platform.NotFoundException;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class CustomerService {
  private final CustomerRepository customers;
  private final CustomerChange changeOf;
  private final CustomerCategories categories;
  private final CurrentUser currentUser;
  private final JdbcClient jdbc;
  private final EntityManager entityManager;
  private final Clock clock;

  CustomerService(CustomerRepository customers, CustomerChange changeOf, CustomerCategories categories,
      CurrentUser currentUser, JdbcClient jdbc, EntityManager entityManager, Clock clock) {
    this.entityManager = entityManager;
    this.customers = customers;
    this.jdbc = jdbc;
    this.categories = categories;
    this.changeOf = changeOf;
    this.currentUser = currentUser;
    this.clock = clock;
  }

  @Transactional
  public Customer create(CustomerDetails details) {
    categories.requireSelectable(details.category());
    return customers.save(new Customer(details, currentUser.id(), clock.instant()));
  }

  /**
   * Changes the fields {@code changes} names and keeps every other (JSON merge patch, RFC 7396): a field set to null
   * is cleared, a consent is replaced only by one that says whether it is granted.
   */
  @Transactional
  public Customer change(long id, JsonNode changes) {
    Customer customer = get(id);
    CustomerDetails changed = changeOf.apply(CustomerDetails.of(customer), changes);
    // a customer keeps a category retired since; only a new choice must be a current one
    if (!changed.category().equals(customer.getCategory())) {
      categories.requireSelectable(changed.category());
    }
    customer.update(changed, clock.instant());
    return customer;
  }

  /**
   * The customer said no on a channel (an unsubscribe link, an SMS "STOP"): the consent is withdrawn with how and
   * when. @return whether it changed (a second click changes nothing)
   */
  @Transactional
  public boolean withdrawConsent(long customerId, boolean sms, String how) {
    Customer customer = get(customerId);
    return customer.withdrawConsent(sms, how, clock.instant());
  }

  /** The customer confirmed a consent (a double opt-in link); @return whether it changed. */
  @Transactional
  public boolean grantConsent(long customerId, boolean sms, String how) {
    return get(customerId).grantConsent(sms, how, clock.instant());
  }

  /**
   * Anonymises the customer for an erasure of their personal data (see {@link Customer#anonymise}), in the
   * caller's transaction. The change is flushed at once: whatever records a change as it is written (the audit)
   * has then done so, and the erasure can replace what was recorded afterwards.
   *
   * @return the customer as it now reads
   */
  @Transactional
  public Customer erase(long id) {
    Customer customer = get(id);
    customer.anonymise(clock.instant());
    customers.flush();
    return customer;
  }

  /** Whether the customer's record is already anonymised (an erasure may be run again for what came since). */
  public static boolean isErasedName(long id, String name) {
    return Customer.erasedName(id).equals(name);
  }

  /** Called when one of the customer's deals is won, in that step's transaction. */
  @Transactional
  public void recordWonDeal(long customerId) {
    get(customerId).wonADeal(clock.instant());
  }

  @Transactional(readOnly = true)
  public Customer get(long id) {
    return find(id).orElseThrow(() -> new NotFoundException("Customer", id));
  }

  /** What a text about the customer needs (a notification's merge fields). */
  public record NameAndCategory(String name, String category) {}

  /**
   * The two columns as last written to the database, read with plain JDBC: a notification's text needs them at
   * many steps of every deal, and neither loading the whole record nor a JPA query (which first flushes every
   * pending change of the step to the database) is worth it for two strings. Nothing renames a customer in the
   * step of a deal.
   */
  @Transactional(readOnly = true)
  public NameAndCategory nameAndCategoryOf(long id) {
    return jdbc.sql("select name, category from customer where id = ?").param(id)
        .query((rs, n) -> new NameAndCategory(rs.getString(1), rs.getString(2))).optional()
        .orElseThrow(() -> new NotFoundException("Customer", id));
  }

  /** By the entity manager, not the repository, for the same reason as {@code OpportunityService.get}. */
  @Transactional(readOnly = true)
  public Optional<Customer> find(long id) {
    return Optional.ofNullable(entityManager.find(Customer.class, id));
  }

  /** The names of these customers by id, in one query (for lists that show whose deal a row is). */
  @Transactional(readOnly = true)
  public Map<Long, String> namesOf(Collection<Long> ids) {
    if (ids.isEmpty()) {
      return Map.of();
    }
    return customers.findAllById(ids).stream().collect(Collectors.toMap(Customer::getId, Customer::getName));
  }

  @Transactional(readOnly = true)
  public boolean exists(long id) {
    return customers.existsById(id);
  }

  /**
   * The quick search's share: the first {@code limit} customers by name whose name or e-mail contains {@code q}.
   * No total is counted (docs/performance.md).
   */
  @Transactional(readOnly = true)
  public List<Customer> matching(String q, int limit) {
    return customers.findBy(CustomerRepository.matching(q),
        query -> query.sortBy(Sort.by("name")).limit(limit).all());
  }

  @Transactional(readOnly = true)
  public Page<Customer> search(String q, String category, Pageable page) {
    Specification<Customer> filter = Specification.where(null);
    if (q != null && !q.isBlank()) {
      filter = filter.and(CustomerRepository.matching(q));
    }
    if (category != null) {
      categories.requireKnown(category);
      filter = filter.and(CustomerRepository.inCategory(category));
    }
    return customers.findAll(filter, page);
  }
}
