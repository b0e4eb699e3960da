package com.relais.crm.customer;

import com.relais.crm.identity.StaffGroups;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.Valid;
import java.net.URI;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.web.PageableDefault;
import org.springframework.data.web.PagedModel;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/customers")
class CustomerController {
  /** Who may create and change customer records; everyone logged in may read them. */
  static final String EDITORS = StaffGroups.SALES_SIDE_ONLY;
  static final String MERGE_PATCH = "application/merge-patch+json";

  private final CustomerService customers;

  CustomerController(CustomerService customers) {
    this.customers = customers;
  }

  @PostMapping
  @PreAuthorize(EDITORS)
  ResponseEntity<CustomerView> create(@Valid @RequestBody CustomerDetails details) {
    Customer customer = customers.create(details);
    return ResponseEntity.created(URI.create("/api/customers/" + customer.getId())).body(CustomerView.of(customer));
  }

  @GetMapping("/{id}")
  CustomerView get(@PathVariable long id) {
    return CustomerView.of(customers.get(id));
  }

  /**
   * PUT and PATCH both change only the fields they name: a field left out keeps its value, so a client that does
   * not know a field (a consent, an e-mail) never clears it. PATCH takes a JSON merge patch.
   */
  @PutMapping("/{id}")
  @PreAuthorize(EDITORS)
  CustomerView update(@PathVariable long id, @RequestBody JsonNode changes) {
    return CustomerView.of(customers.change(id, changes));
  }

  @PatchMapping(path = "/{id}", consumes = {MERGE_PATCH, MediaType.APPLICATION_JSON_VALUE})
  @PreAuthorize(EDITORS)
  CustomerView patch(@PathVariable long id, @RequestBody JsonNode changes) {
    return CustomerView.of(customers.change(id, changes));
  }

  @GetMapping
  PagedModel<CustomerView> search(
      @RequestParam(required = false) String q,
      @RequestParam(required = false) CustomerCategory category,
      @PageableDefault(size = 20, sort = "name", direction = Sort.Direction.ASC) Pageable page) {
    return new PagedModel<>(customers.search(q, category, page).map(CustomerView::of));
  }
}
