package com.relais.crm.contact;

import com.relais.crm.identity.StaffGroups;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Work plans", description = "Planned actions per customer; a done exchange closes the item it fulfils.")
class PlanItemController {
  private final PlanItems items;
  private final StaffScope scope;

  PlanItemController(PlanItems items, StaffScope scope) {
    this.items = items;
    this.scope = scope;
  }

  @GetMapping("/api/customers/{customerId}/plan-items")
  @Operation(summary = "A customer's work plan, by due day")
  List<PlanItem> ofCustomer(@PathVariable long customerId) {
    return items.ofCustomer(customerId);
  }

  @PostMapping("/api/customers/{customerId}/plan-items")
  @PreAuthorize(StaffGroups.SALES_SIDE_ONLY)
  @Operation(summary = "Plan an action", description = "For yourself by default; a manager may plan for the members"
      + " of their teams (403 otherwise). 404 for an unknown customer, 400 for a day in the past.")
  ResponseEntity<PlanItem> add(@PathVariable long customerId, @RequestBody PlanItems.NewItem request) {
    PlanItem item = items.add(customerId, request);
    return ResponseEntity.created(URI.create("/api/plan-items/" + item.id())).body(item);
  }

  @GetMapping("/api/plan-items/{id}")
  @Operation(summary = "One plan item")
  PlanItem get(@PathVariable long id) {
    return items.get(id);
  }

  @PatchMapping("/api/plan-items/{id}")
  @Operation(summary = "Change, tick off or cancel a plan item", description = "Only what is named changes; by its"
      + " assignee, its author, the assignee's manager or an admin.")
  PlanItem change(@PathVariable long id, @RequestBody PlanItems.ItemChange change) {
    return items.change(id, change);
  }

  @GetMapping("/api/plan-items")
  @Operation(summary = "A person's plan items due in a period", description = "Your own by default; a manager may"
      + " read those of their teams' members.")
  List<PlanItem> assigned(@RequestParam(required = false) String assignee,
      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
    return items.assignedTo(assignee == null ? scope.me() : assignee, from, to);
  }
}
