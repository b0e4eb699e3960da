package com.relais.crm.support;

import com.relais.crm.identity.StaffGroups;
import com.relais.crm.deal.DealLookup;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Support cases", description = "The cases opened when a customer refuses a delivery at reception, from"
    + " triage to resolution.")
class SupportCaseController {
  private final SupportCaseService cases;
  private final DealLookup readPolicy;

  SupportCaseController(SupportCaseService cases, DealLookup readPolicy) {
    this.cases = cases;
    this.readPolicy = readPolicy;
  }

  record SupportCaseView(long id, long opportunityId, String deliveryProcessInstanceId, String reason,
      SupportCaseStatus status, String priority, String resolution, String resolutionNotes, boolean escalated,
      Instant openedAt, Instant resolvedAt, Instant updatedAt) {
    static SupportCaseView of(SupportCase c) {
      return new SupportCaseView(c.getId(), c.getOpportunityId(), c.getDeliveryProcessInstanceId(), c.getReason(),
          c.getStatus(), c.getPriority(), c.getResolution(), c.getResolutionNotes(), c.isEscalated(),
          c.getOpenedAt(), c.getResolvedAt(), c.getUpdatedAt());
    }
  }

  @GetMapping("/api/support-cases/{id}")
  @Operation(summary = "Read one support case", description = "For support, sales, managers, admins, users granted"
      + " access to the deal and those with a task on it (403 for others); 404 for an unknown id.")
  SupportCaseView get(@PathVariable long id) {
    SupportCase supportCase = cases.get(id);
    readPolicy.requireReadable(supportCase.getOpportunityId(), StaffGroups.SUPPORT);
    return SupportCaseView.of(supportCase);
  }

  @GetMapping("/api/support-cases")
  @Operation(summary = "List the support cases of a deal", description = "Newest first. For the same callers as one"
      + " case (403 for others).")
  List<SupportCaseView> ofDeal(@RequestParam long opportunityId) {
    readPolicy.requireReadable(opportunityId, StaffGroups.SUPPORT);
    return cases.ofDeal(opportunityId).stream().map(SupportCaseView::of).toList();
  }
}
