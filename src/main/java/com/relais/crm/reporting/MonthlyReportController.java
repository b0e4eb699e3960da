package com.relais.crm.reporting;

import com.relais.crm.identity.StaffGroups;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/reports/monthly")
@PreAuthorize(StaffGroups.MANAGERS_ONLY)
@Tag(name = "Reports")
class MonthlyReportController {
  private final MonthlyReports reports;

  MonthlyReportController(MonthlyReports reports) {
    this.reports = reports;
  }

  @PostMapping
  @Operation(summary = "Managers: build a month's report now", description = "For a month that has ended"
      + " (month=YYYY-MM; 400 for the current month, a later one or another format). Built in the background, then"
      + " mailed to the managers who were not mailed for that month yet: 202 with status REQUESTED, or REBUILDING"
      + " when the month has a report, which the new one replaces.")
  ResponseEntity<MonthlyReports.Requested> request(@RequestParam(required = false) String month) {
    MonthlyReports.Requested requested = reports.request(month);
    return ResponseEntity.accepted().location(URI.create("/api/reports/monthly/" + requested.month()))
        .body(requested);
  }

  @GetMapping
  @Operation(summary = "The months with a report", description = "Latest first: month, builtAt, builtBy.")
  List<MonthlyReportStore.Built> list() {
    return reports.list();
  }

  @GetMapping("/{month}/figures")
  @Operation(summary = "A month's report as figures (JSON)", description = "The figures the PDF shows, as stored"
      + " with it: won, lost, transportPaid, deliveriesByStage, cases, campaigns, teams, people and rounds (the"
      + " approved courier rounds' distance, hours, cost and carried value, in all and per courier; absent from a"
      + " report built before rounds were counted). 404 while the month has no report, 400 for a month not written"
      + " YYYY-MM.")
  MonthlyFigures.Figures figures(@PathVariable String month) {
    return reports.figures(month);
  }

  @GetMapping("/{month}")
  @Operation(summary = "A month's report as a PDF", description = "404 while the month has no report, 400 for a"
      + " month not written YYYY-MM.")
  ResponseEntity<byte[]> pdf(@PathVariable String month) {
    byte[] pdf = reports.pdf(month);
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_PDF)
        .header(HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename("relais-report-" + month + ".pdf").build().toString())
        .header("X-Content-Type-Options", "nosniff")
        .body(pdf);
  }
}
