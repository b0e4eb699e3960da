package com.relais.crm.customer;

import com.relais.crm.identity.StaffGroups;
import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.tags.Tag;
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
@Tag(name = "Customers", description = "Customer records: contact details, category, acquisition source and consents."
    + " Everyone logged in reads them; sales, managers and admins create and change them.")
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
  @Operation(summary = "Create a customer", description = "Only name is required: without a category the customer is"
      + " a PROSPECT, without an acquisitionSource it is OTHER, and it has no consent until one is given. Answers 201"
      + " with the new customer and its Location. For sales, managers and admins (403 for others).")
  ResponseEntity<CustomerView> create(@Valid @RequestBody @io.swagger.v3.oas.annotations.parameters.RequestBody(
      required = true, content = @Content(examples = @ExampleObject(value = "{\"name\": \"Atelier Dupont\","
          + " \"email\": \"contact@dupont.example\", \"phone\": \"+33 1 23 45 67 89\", \"category\": \"PROSPECT\","
          + " \"acquisitionSource\": \"TRADE_SHOW\","
          + " \"emailConsent\": {\"granted\": true, \"source\": \"signed form at the fair\"}}")))
      CustomerDetails details) {
    Customer customer = customers.create(details);
    return ResponseEntity.created(URI.create("/api/customers/" + customer.getId())).body(CustomerView.of(customer));
  }

  @GetMapping("/{id}")
  @Operation(summary = "Read one customer", description = "Everyone logged in; 404 for an unknown id.")
  CustomerView get(@PathVariable long id) {
    return CustomerView.of(customers.get(id));
  }

  /**
   * PUT and PATCH both change only the fields they name: a field left out keeps its value, so a client that does
   * not know a field (a consent, an e-mail) never clears it. PATCH takes a JSON merge patch.
   */
  @PutMapping("/{id}")
  @PreAuthorize(EDITORS)
  @Operation(summary = "Change the fields the body names and keep all others", description = "The body is applied as"
      + " a JSON merge patch (RFC 7396): a field given replaces the stored value, a field set to null is cleared, a"
      + " field left out keeps its value. A consent is replaced whole, must say granted and cannot be set to null."
      + " The result is checked like a new customer: 400 naming the field, and nothing changed. 404 for an unknown"
      + " id. For sales, managers and admins (403 for others).")
  CustomerView update(@PathVariable long id, @RequestBody JsonNode changes) {
    return CustomerView.of(customers.change(id, changes));
  }

  @PatchMapping(path = "/{id}", consumes = {MERGE_PATCH, MediaType.APPLICATION_JSON_VALUE})
  @PreAuthorize(EDITORS)
  @Operation(summary = "Change the fields the body names, as a JSON merge patch", description = "The same as PUT,"
      + " with Content-Type application/merge-patch+json or application/json. For sales, managers and admins (403"
      + " for others).")
  CustomerView patch(@PathVariable long id, @RequestBody JsonNode changes) {
    return CustomerView.of(customers.change(id, changes));
  }

  @GetMapping
  @Operation(summary = "Search customers, a page at a time", description = "q keeps customers whose name or e-mail"
      + " contains the text (any case), category those of one category. Sorted by name unless sort says otherwise;"
      + " 20 per page by default. Everyone logged in.")
  PagedModel<CustomerView> search(
      @RequestParam(required = false) String q,
      @RequestParam(required = false) String category,
      @PageableDefault(size = 20, sort = "name", direction = Sort.Direction.ASC) Pageable page) {
    return new PagedModel<>(customers.search(q, category, page).map(CustomerView::of));
  }
}
