package com.relais.crm.opportunity;

import jakarta.validation.Valid;
import java.net.URI;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.web.PageableDefault;
import org.springframework.data.web.PagedModel;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/opportunities")
class OpportunityController {
  private final OpportunityService opportunities;
  private final DealReadPolicy readPolicy;

  OpportunityController(OpportunityService opportunities, DealReadPolicy readPolicy) {
    this.opportunities = opportunities;
    this.readPolicy = readPolicy;
  }

  @PostMapping
  @PreAuthorize("hasAnyAuthority('GROUP_sales', 'GROUP_managers', 'GROUP_camunda-admin')")
  ResponseEntity<OpportunityView> create(@Valid @RequestBody NewOpportunity request) {
    Opportunity opportunity = opportunities.create(request);
    return ResponseEntity.created(URI.create("/api/opportunities/" + opportunity.getId()))
        .body(OpportunityView.of(opportunity, opportunities.historyOf(opportunity.getId())));
  }

  @GetMapping("/{id}")
  OpportunityView get(@PathVariable long id) {
    Opportunity deal = opportunities.get(id);
    readPolicy.requireReadable(id);
    return OpportunityView.of(opportunities.get(id), opportunities.historyOf(id));
  }

  @GetMapping
  PagedModel<OpportunityView> ofCustomer(
      @RequestParam long customerId,
      @PageableDefault(size = 20, sort = "createdAt", direction = Sort.Direction.DESC) Pageable page) {
    return new PagedModel<>(opportunities.ofCustomer(customerId, page).map(o -> OpportunityView.of(o, null)));
  }
}
