package com.relais.crm.contact;

import com.relais.crm.identity.StaffGroups;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/contact-plans")
@Tag(name = "Contact plans", description = "The day's list of customers to contact, shared out among each team.")
class ContactPlanController {
  private final ContactPlanRequests requests;

  ContactPlanController(ContactPlanRequests requests) {
    this.requests = requests;
  }

  record PlanRequest(@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {}

  @PostMapping
  @PreAuthorize(StaffGroups.MANAGERS_ONLY)
  @Operation(summary = "Managers: build a day's plan now", description = "Without a date, today's. The plan is"
      + " built in the background (status REQUESTED, then BUILT); 409 if the day has a plan, 400 for a day in the"
      + " past, more than 30 days ahead, or today after the deadline.")
  ResponseEntity<ContactPlanRequests.PlanView> request(@RequestBody(required = false) PlanRequest request) {
    var plan = requests.request(request == null ? null : request.date());
    return ResponseEntity.created(URI.create("/api/contact-plans/" + plan.date())).body(plan);
  }

  @GetMapping("/{date}")
  @Operation(summary = "A day's plan", description = "Entries most urgent first: a member sees their own, a manager"
      + " also their teams', an admin all.")
  ContactPlanRequests.PlanView read(@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
    return requests.read(date);
  }
}
