package com.relais.crm.campaign;

import com.relais.crm.identity.StaffGroups;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Reports")
class AcquisitionReportController {
  private final AcquisitionReport report;

  AcquisitionReportController(AcquisitionReport report) {
    this.report = report;
  }

  @GetMapping("/api/reports/acquisition")
  @PreAuthorize(StaffGroups.SALES_SIDE_ONLY)
  @Operation(summary = "Marketing effectiveness in a period", description = "Per acquisition source: customers"
      + " acquired, with a deal, won, revenue, conversion; per campaign sent in the period: customers reached and the"
      + " same figures for the deals opened after it.")
  AcquisitionReport.Report report(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
    return report.report(from, to);
  }
}
