package com.relais.crm.aftersale;

import com.relais.crm.identity.StaffGroups;
import com.relais.crm.opportunity.AccessGrant;
import com.relais.crm.opportunity.DealAccess;
import com.relais.crm.identity.CurrentUser;
import com.relais.crm.opportunity.OpportunityService;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class AfterSaleController {
  static final String SALES_SIDE = StaffGroups.SALES_SIDE_ONLY;

  private final AfterSaleProcess process;
  private final AfterSaleOverview overview;
  private final DealAccess access;
  private final OpportunityService opportunities;
  private final CurrentUser currentUser;

  AfterSaleController(AfterSaleProcess process, AfterSaleOverview overview, DealAccess access,
      OpportunityService opportunities, CurrentUser currentUser) {
    this.process = process;
    this.overview = overview;
    this.access = access;
    this.opportunities = opportunities;
    this.currentUser = currentUser;
  }

  record StartRequest(Long templateId) {}

  @PostMapping("/api/opportunities/{id}/after-sale")
  @PreAuthorize(SALES_SIDE)
  ResponseEntity<AfterSaleStarted> start(@PathVariable long id, @RequestBody(required = false) StartRequest request) {
    AfterSaleStarted started = process.startOnRequest(id, request == null ? null : request.templateId());
    return ResponseEntity.created(URI.create("/api/after-sale?opportunityId=" + id)).body(started);
  }

  /** The grants shown on the deal; readable by whoever may read the deal. */
  @GetMapping("/api/opportunities/{id}/access-grants")
  List<AccessGrant> grants(@PathVariable long id) {
    opportunities.get(id);
    if (!access.canRead(id, currentUser.id(), currentUser.groups())) {
      throw new AccessDeniedException("You have no access to deal " + id);
    }
    return access.grantsOf(id);
  }

  /** {@code mine=true}: the caller's after-sale work; without it, every running after-sale (sales side only). */
  @GetMapping("/api/after-sale")
  AfterSaleOverview.Overview list(@RequestParam(defaultValue = "false") boolean mine) {
    if (mine) {
      return overview.forUser(currentUser.id(), currentUser.groups());
    }
    if (!currentUser.isInAnyGroup(StaffGroups.SALES_SIDE.toArray(String[]::new))) {
      throw new AccessDeniedException("Only sales, managers and admins see every after-sale; ask with mine=true");
    }
    return overview.all();
  }
}
