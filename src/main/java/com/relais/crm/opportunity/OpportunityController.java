package com.relais.crm.opportunity;

import com.relais.crm.identity.CurrentUser;
import com.relais.crm.identity.StaffGroups;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.tags.Tag;
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
@Tag(name = "Deals", description = "Opportunities (deals) and their sale: owner, stage, stage history and stage"
    + " comments. Sales, managers and admins open deals and read every one; others read the deals they work on or"
    + " were granted.")
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
  @Operation(summary = "Open a deal for a customer and start its sale", description = "The owner defaults to the"
      + " caller and the currency to the company's. Answers 201 with the deal in SALE_1_PROSPECT; 400 naming"
      + " customerId for an unknown customer, or expectedCloseDate outside 2000 to 2100. For sales, managers and"
      + " admins (403 for others).")
  ResponseEntity<OpportunityView> create(@Valid @RequestBody @io.swagger.v3.oas.annotations.parameters.RequestBody(
      required = true, content = @Content(examples = @ExampleObject(value = "{\"customerId\": 12,"
          + " \"title\": \"Forklift replacement\", \"amount\": 18500.00, \"expectedCloseDate\": \"2027-03-31\"}")))
      NewOpportunity request) {
    Opportunity opportunity = opportunities.create(request);
    return ResponseEntity.created(URI.create("/api/opportunities/" + opportunity.getId()))
        .body(view(opportunity));
  }

  @GetMapping("/{id}")
  @Operation(summary = "Read one deal with its stage history and stage comments", description = "For sales,"
      + " managers and admins, users granted access to the deal and those with a task on it (403 for others); 404"
      + " for an unknown id.")
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
  @Operation(summary = "List a customer's deals, or every deal by filter, a page at a time", description = "With"
      + " customerId alone: that customer's deals, for everyone logged in (404 for an unknown customer). With any"
      + " other filter, or none: every deal that matches them all, for sales, managers and admins only (403 for"
      + " others). A minAmount above maxAmount, or a closeFrom after closeTo, is a 400. Newest first by default.")
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
    return new PagedModel<>(deals.map(o -> OpportunityView.of(o, names.get(o.getCustomerId()), null, null)));
  }

  private OpportunityView view(Opportunity deal) {
    String customerName = opportunities.customerNamesOf(List.of(deal)).get(deal.getCustomerId());
    return OpportunityView.of(deal, customerName, opportunities.historyOf(deal.getId()),
        opportunities.commentsOf(deal.getId()));
  }
}
