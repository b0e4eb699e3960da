package com.relais.crm.customer;

import com.fasterxml.jackson.databind.JsonNode;
import com.relais.crm.identity.CurrentUser;
import com.relais.crm.platform.ConflictException;
import com.relais.crm.platform.InvalidFieldException;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import java.util.stream.Collectors;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * What an import of customers asks of this module: the customer a row duplicates, creating and changing customers
 * with the same checks as the API, and putting things back (undo) only where nobody changed them since.
 */
@Component
public class CustomerImports {
  private final CustomerService customers;
  private final CustomerRepository repository;
  private final CustomerChange changeOf;
  private final CustomerCategories categories;
  private final Validator validator;
  private final CurrentUser currentUser;
  private final JdbcClient jdbc;
  private final EntityManager entityManager;
  private final Clock clock;
  private final List<CustomerReferences> references;

  CustomerImports(CustomerService customers, CustomerRepository repository, CustomerChange changeOf,
      CustomerCategories categories, Validator validator, CurrentUser currentUser, JdbcClient jdbc,
      EntityManager entityManager, Clock clock, List<CustomerReferences> references) {
    this.references = references;
    this.customers = customers;
    this.categories = categories;
    this.validator = validator;
    this.currentUser = currentUser;
    this.repository = repository;
    this.changeOf = changeOf;
    this.jdbc = jdbc;
    this.entityManager = entityManager;
    this.clock = clock;
  }

  /** A customer an imported row is the same person as, and why. */
  public record Duplicate(long customerId, String sameWhat) {}

  /** A customer as written: its id and the version an undo expects to find. */
  public record Written(long customerId, long version, CustomerDetails before) {}

  /**
   * The existing customer with the same e-mail, or else the same phone, or else, for a row that gives neither, the
   * same name (two people may share a name; an e-mail or a phone is theirs).
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public Optional<Duplicate> duplicateOf(String emailKey, String phoneKey, String nameKey) {
    if (emailKey != null) {
      Optional<Long> same = first("email", emailKey);
      if (same.isPresent()) {
        return same.map(id -> new Duplicate(id, "e-mail"));
      }
    }
    if (phoneKey != null) {
      Optional<Long> same = first("phone_key", phoneKey);
      if (same.isPresent()) {
        return same.map(id -> new Duplicate(id, "phone"));
      }
    }
    if (emailKey == null && phoneKey == null && nameKey != null) {
      return first("name_key", nameKey).map(id -> new Duplicate(id, "name"));
    }
    return Optional.empty();
  }

  private Optional<Long> first(String column, String key) {
    return jdbc.sql("select min(id) from customer where " + column + " = ?").param(key).query(Long.class)
        .optional();
  }

  /**
   * What an import asked of one customer: written (with what it was before, for an undo), nothing to change, or
   * refused with the reason a person reads in the rejected rows. A refusal is an answer, never an exception: an
   * exception would spoil the whole batch's transaction.
   */
  public record Result(Written written, String refusal) {
    static Result refused(String reason) {
      return new Result(null, reason);
    }

    public boolean unchanged() {
      return written == null && refusal == null;
    }
  }

  /** Checks a new customer as the API does and creates it. */
  @Transactional(propagation = Propagation.MANDATORY)
  public Result create(CustomerDetails details) {
    String refusal = refusalOf(details, null);
    if (refusal != null) {
      return Result.refused(refusal);
    }
    Customer customer = repository.save(new Customer(details, currentUser.id(), clock.instant()));
    entityManager.flush();
    return new Result(new Written(customer.getId(), customer.getVersion(), null), null);
  }

  /** Applies the fields {@code changes} names, as PATCH does. */
  @Transactional(propagation = Propagation.MANDATORY)
  public Result change(long id, JsonNode changes) {
    Customer customer = customers.get(id);
    CustomerDetails before = CustomerDetails.of(customer);
    CustomerDetails after;
    try {
      after = changeOf.apply(before, changes);
    } catch (InvalidFieldException | ConstraintViolationException invalid) {
      return Result.refused(invalid.getMessage());
    }
    if (after.equals(before)) {
      return new Result(null, null);
    }
    String refusal = refusalOf(after, before.category());
    if (refusal != null) {
      return Result.refused(refusal);
    }
    customer.update(after, clock.instant());
    entityManager.flush();
    return new Result(new Written(id, customer.getVersion(), before), null);
  }

  /** What {@link #create} would refuse a customer for, or null: a dry run's verdict without writing. */
  @Transactional(readOnly = true)
  public String refusalOf(CustomerDetails details) {
    return refusalOf(details, null);
  }

  /** The API's checks of a customer, as one sentence; a category kept from before may be a retired one. */
  private String refusalOf(CustomerDetails details, String categoryBefore) {
    var violations = validator.validate(details);
    if (!violations.isEmpty()) {
      return violations.stream().map(v -> v.getPropertyPath() + ": " + v.getMessage()).sorted()
          .collect(Collectors.joining("; "));
    }
    if (!details.category().equals(categoryBefore) && categories.list(false).stream()
        .noneMatch(entry -> entry.code().equals(details.category()))) {
      return "category '" + details.category() + "' is not a current category of the catalogue";
    }
    return null;
  }

  /** Whether each of these customers is still at the version the import left it (nobody changed it since). */
  @Transactional(propagation = Propagation.MANDATORY)
  public boolean unchangedSince(long id, long version) {
    return repository.findById(id).map(customer -> customer.getVersion() == version).orElse(false);
  }

  /** Removes a customer the import created; 409 when something refers to it since (a deal, an exchange, a file). */
  @Transactional(propagation = Propagation.MANDATORY)
  public void remove(long id) {
    Customer customer = customers.get(id);
    for (CustomerReferences question : references) {
      String held = question.referencesTo(id);
      if (held != null) {
        throw new ConflictException("Customer " + id + " has " + held + " of its own since the import; the import"
            + " cannot be undone");
      }
    }
    repository.delete(customer);
    try {
      entityManager.flush();
    } catch (org.springframework.dao.DataIntegrityViolationException
             | jakarta.persistence.PersistenceException refused) {
      throw new ConflictException("Customer " + id + " has records of its own since the import (a deal, an"
          + " exchange, a file); the import cannot be undone");
    }
  }

  /** Puts back the fields an import changed. */
  @Transactional(propagation = Propagation.MANDATORY)
  public void restore(long id, CustomerDetails before) {
    customers.get(id).update(before, clock.instant());
  }

  /** The categories a file may name (the catalogue's current ones). */
  @Transactional(readOnly = true)
  public List<CategoryEntry> categories() {
    return categories.list(false);
  }
}
