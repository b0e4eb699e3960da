package com.relais.crm.opportunity;

import com.relais.crm.identity.CurrentUser;
import com.relais.crm.identity.StaffGroups;
import jakarta.validation.Valid;
import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.data.domain.Page;
import org.springframework.security.access.AccessDeniedException;
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
  private final CurrentUser currentUser;

  OpportunityController(OpportunityService opportunities, DealReadPolicy readPolicy, CurrentUser currentUser) {
    this.opportunities = opportunities;
    this.readPolicy = readPolicy;
    this.currentUser = currentUser;
  }

  @PostMapping
  @PreAuthorize(StaffGroups.SALES_SIDE_ONLY)
  ResponseEntity<OpportunityView> create(@Valid @RequestBody NewOpportunity request) {
    Opportunity opportunity = opportunities.create(request);
    return ResponseEntity.created(URI.create("/api/opportunities/" + opportunity.getId()))
        .body(view(opportunity));
  }

  @GetMapping("/{id}")
  OpportunityView get(@PathVariable long id) {
    Opportunity deal = opportunities.get(id);
    readPolicy.requireReadable(id);
    return view(deal);
  }

  /**
   * A customer's deals (anyone who may read the customer), or every deal by filter (the sales side, who may read
   * every deal).
   */
  @GetMapping
  PagedModel<OpportunityView> list(
      @RequestParam(required = false) Long customerId,
      @RequestParam(required = false) SaleStage stage,
      @RequestParam(required = false) String owner,
      @RequestParam(required = false) BigDecimal minAmount,
      @RequestParam(required = false) BigDecimal maxAmount,
      @RequestParam(required = false) LocalDate closeFrom,
      @RequestParam(required = false) LocalDate closeTo,
      @RequestParam(required = false) String q,
      @PageableDefault(size = 20, sort = "createdAt", direction = Sort.Direction.DESC) Pageable page) {
    DealFilter filter = new DealFilter(stage, owner, customerId, minAmount, maxAmount, closeFrom, closeTo, q);
    Page<Opportunity> deals;
    if (customerId != null && filter.equals(DealFilter.ofCustomer(customerId))) {
      deals = opportunities.ofCustomer(customerId, page);
    } else {
      if (!currentUser.isInAnyGroup(StaffGroups.SALES_SIDE.toArray(String[]::new))) {
        throw new AccessDeniedException("Only the sales side lists and filters all deals; others list a customer's");
      }
      deals = opportunities.list(filter, page);
    }
    Map<Long, String> names = opportunities.customerNamesOf(deals.getContent());
    return new PagedModel<>(deals.map(o -> OpportunityView.of(o, names.get(o.getCustomerId()), null)));
  }

  private OpportunityView view(Opportunity deal) {
    String customerName = opportunities.customerNamesOf(List.of(deal)).get(deal.getCustomerId());
    return OpportunityView.of(deal, customerName, opportunities.historyOf(deal.getId()));
  }
}
