package com.relais.crm.aftersale;

import com.relais.crm.identity.StaffGroups;
import com.relais.crm.opportunity.AccessGrant;
import com.relais.crm.opportunity.DealAccess;
import com.relais.crm.identity.CurrentUser;
import com.relais.crm.opportunity.OpportunityService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
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
@Tag(name = "After-sale", description = "The follow-up work of a won deal, run from a versioned template: the"
    + " templates (admins change them), starting an after-sale, the running ones and the access grants they give.")
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
  @Operation(summary = "Start the after-sale of a won deal", description = "From the current version of the template"
      + " templateId names, or of the default template when there is no body. Answers 201. 404 for an unknown deal;"
      + " 409 when the deal is not won or its after-sale already runs; 400 naming templateId when no active template"
      + " applies. For sales, managers and admins (403 for others).")
  ResponseEntity<AfterSaleStarted> start(@PathVariable long id, @RequestBody(required = false) StartRequest request) {
    AfterSaleStarted started = process.startOnRequest(id, request == null ? null : request.templateId());
    return ResponseEntity.created(URI.create("/api/after-sale?opportunityId=" + id)).body(started);
  }

  /** The grants shown on the deal; readable by whoever may read the deal. */
  @GetMapping("/api/opportunities/{id}/access-grants")
  @Operation(summary = "List the users granted access to a deal", description = "A user assigned one of the deal's"
      + " after-sale tasks is granted access to it. For sales, managers, admins and the users holding a grant (403"
      + " for others); 404 for an unknown deal.")
  List<AccessGrant> grants(@PathVariable long id) {
    opportunities.get(id);
    if (!access.canRead(id, currentUser.id(), currentUser.groups())) {
      throw new AccessDeniedException("You have no access to deal " + id);
    }
    return access.grantsOf(id);
  }

  /** {@code mine=true}: the caller's after-sale work; without it, every running after-sale (sales side only). */
  @GetMapping("/api/after-sale")
  @Operation(summary = "List after-sale processes with their open tasks", description = "mine=true: the processes in"
      + " which the caller has active tasks (as assignee, candidate user or member of a candidate group), for"
      + " everyone logged in. Without it: every after-sale with active tasks, for sales, managers and admins (403 for"
      + " others).")
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
