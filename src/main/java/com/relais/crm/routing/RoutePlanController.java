package com.relais.crm.routing;

import com.relais.crm.identity.StaffGroups;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/route-plans")
@Tag(name = "Route plans")
class RoutePlanController {
  /** Logistics, managers, admins, and the couriers (who read their round and print its sheet). */
  static final String ROUNDS_READERS = "hasAnyAuthority('GROUP_" + StaffGroups.LOGISTICS + "', 'GROUP_"
      + StaffGroups.MANAGERS + "', 'GROUP_" + StaffGroups.ADMIN + "', 'GROUP_" + StaffGroups.COURIERS + "')";

  private final RoutePlanner planner;
  private final RoundSheetPdf sheets;

  RoutePlanController(RoutePlanner planner, RoundSheetPdf sheets) {
    this.planner = planner;
    this.sheets = sheets;
  }

  /** The body of POST /api/route-plans. */
  record PlanRequest(String date) {}

  @PostMapping
  @PreAuthorize(StaffGroups.LOGISTICS_SIDE_ONLY)
  @Operation(summary = "Logistics and managers: plan a day's courier rounds", description = "date = YYYY-MM-DD"
      + " (400 otherwise; 409 when the day has a plan). Solved in the background (route-planning process), then"
      + " proposed to the dispatcher (logistics) for approval: 202 with status REQUESTED.")
  ResponseEntity<RoutePlanner.Requested> request(@Valid @RequestBody PlanRequest body) {
    RoutePlanner.Requested requested = planner.request(body == null ? null : body.date());
    return ResponseEntity.accepted().location(URI.create("/api/route-plans/" + requested.date())).body(requested);
  }

  @GetMapping("/{date}")
  @PreAuthorize(ROUNDS_READERS)
  @Operation(summary = "A day's plan", description = "status (REQUESTED while solving, PROPOSED, APPROVED, REFUSED),"
      + " rounds per courier (ordered stops with eta, distanceKm, durationMinutes, load, transportCost,"
      + " carriedValue) and the unplanned stops with their reason. 404 when the day has no plan.")
  RoutePlanStore.Plan plan(@PathVariable String date) {
    return planner.view(date);
  }

  @GetMapping("/{date}/rounds/{courier}/sheet")
  @PreAuthorize(ROUNDS_READERS)
  @Operation(summary = "A courier's printable round sheet (PDF)", description = "404 when the day has no plan or"
      + " the courier no round in it.")
  ResponseEntity<byte[]> sheet(@PathVariable String date, @PathVariable String courier) {
    byte[] pdf = sheets.draw(RoutePlanner.parse(date), planner.round(date, courier));
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_PDF)
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
            .filename("round-" + date + "-" + courier.replaceAll("[^A-Za-z0-9_.-]", "_") + ".pdf").build()
            .toString())
        .header("X-Content-Type-Options", "nosniff")
        .body(pdf);
  }
}
