package com.relais.crm.contact;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Reports")
class PlannedVsDoneController {
  private static final String PATH = "/api/reports/planned-vs-done";
  private static final MediaType CSV = new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8);

  private final PlannedVsDone report;

  PlannedVsDoneController(PlannedVsDone report) {
    this.report = report;
  }

  @GetMapping(path = PATH, produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(summary = "Planned against done, per person and team", description = "A member sees their own row, a"
      + " manager also their teams' members and totals, an admin everyone; text/csv and application/pdf too.")
  PlannedVsDone.Report json(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
      @RequestParam(required = false) String userId, @RequestParam(required = false) Long teamId) {
    return report.report(from, to, userId, teamId);
  }

  @GetMapping(path = PATH, produces = "text/csv")
  ResponseEntity<byte[]> csv(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
      @RequestParam(required = false) String userId, @RequestParam(required = false) Long teamId) {
    return file(ReportFiles.csv(report.report(from, to, userId, teamId)), CSV, from, to, "csv");
  }

  @GetMapping(path = PATH, produces = MediaType.APPLICATION_PDF_VALUE)
  ResponseEntity<byte[]> pdf(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
      @RequestParam(required = false) String userId, @RequestParam(required = false) Long teamId) {
    return file(ReportFiles.pdf(report.report(from, to, userId, teamId)), MediaType.APPLICATION_PDF, from, to, "pdf");
  }

  private static ResponseEntity<byte[]> file(byte[] body, MediaType type, LocalDate from, LocalDate to,
      String extension) {
    return ResponseEntity.ok().contentType(type)
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"planned-vs-done-" + from + "-" + to + "."
            + extension + "\"")
        .body(body);
  }
}
