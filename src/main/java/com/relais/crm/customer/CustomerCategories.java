package com.relais.crm.customer;

import com.relais.crm.platform.ConflictException;
import com.relais.crm.platform.InvalidFieldException;
import com.relais.crm.platform.NotFoundException;
import java.util.List;
import java.util.Optional;
import com.relais.crm.audit.AuditTrail;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The company's customer categories, kept like the exchange types: codes that never change, labels and an order
 * admins set, and retirement that keeps old records valid (a retired category stays on the customers that have it,
 * still finds them, but is offered to no new choice). The built-ins are relabelled, never retired.
 */
@Service
public class CustomerCategories {
  private final JdbcClient jdbc;
  private final AuditTrail audit;

  CustomerCategories(JdbcClient jdbc, AuditTrail audit) {
    this.jdbc = jdbc;
    this.audit = audit;
  }

  @Transactional(readOnly = true)
  public List<CategoryEntry> list(boolean withRetired) {
    return jdbc.sql("select * from customer_category" + (withRetired ? "" : " where active = true")
        + " order by position, code").query(CustomerCategories::entry).list();
  }

  @Transactional(readOnly = true)
  public CategoryEntry get(String code) {
    return find(code).orElseThrow(() -> new NotFoundException("Customer category", code));
  }

  @Transactional
  public CategoryEntry add(CategoryRequest request) {
    if (request.code() == null) {
      throw new InvalidFieldException("code", "code: 2 to 40 capital letters, digits or _, starting with a letter");
    }
    if (find(request.code()).isPresent()) {
      throw new ConflictException("Customer category " + request.code() + " exists already");
    }
    int position = request.position() != null ? request.position()
        : jdbc.sql("select coalesce(max(position), 0) + 10 from customer_category").query(Integer.class).single();
    jdbc.sql("insert into customer_category (code, label, active, built_in, position) values (?, ?, ?, false, ?)")
        .params(request.code(), request.label().strip(), request.active() == null || request.active(), position)
        .update();
    CategoryEntry added = get(request.code());
    audit.recordChange("customer-category", request.code(), null, added);
    return added;
  }

  /** Relabels, reorders, retires or brings back a category; the code in the body, if any, must be the path's. */
  @Transactional
  public CategoryEntry change(String code, CategoryRequest request) {
    CategoryEntry current = get(code);
    if (request.code() != null && !request.code().equals(code)) {
      throw new InvalidFieldException("code", "code: a category's code never changes");
    }
    boolean active = request.active() == null ? current.active() : request.active();
    if (current.builtIn() && !active) {
      throw new InvalidFieldException("active", "active: built-in category " + code + " cannot be retired");
    }
    jdbc.sql("update customer_category set label = ?, active = ?, position = ? where code = ?")
        .params(request.label().strip(), active, request.position() == null ? current.position() : request.position(),
            code)
        .update();
    CategoryEntry changed = get(code);
    audit.recordChange("customer-category", code, current, changed);
    return changed;
  }

  /** For a new or changed choice: a category of the catalogue, not retired. */
  @Transactional(readOnly = true)
  public void requireSelectable(String code) {
    if (find(code).filter(CategoryEntry::active).isEmpty()) {
      throw unknown(code, list(false));
    }
  }

  /** For a search or a filter: retired categories still find the customers that carry them. */
  @Transactional(readOnly = true)
  public void requireKnown(String code) {
    if (find(code).isEmpty()) {
      throw unknown(code, list(true));
    }
  }

  private InvalidFieldException unknown(String code, List<CategoryEntry> allowed) {
    return new InvalidFieldException("category", "category: '" + code + "' is not a "
        + (find(code).isPresent() ? "current" : "known") + " category; use one of "
        + allowed.stream().map(CategoryEntry::code).toList());
  }

  private Optional<CategoryEntry> find(String code) {
    if (code == null) {
      return Optional.empty();
    }
    return jdbc.sql("select * from customer_category where code = ?").param(code).query(CustomerCategories::entry)
        .optional();
  }

  private static CategoryEntry entry(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
    return new CategoryEntry(rs.getString("code"), rs.getString("label"), rs.getBoolean("active"),
        rs.getBoolean("built_in"), rs.getInt("position"));
  }
}
