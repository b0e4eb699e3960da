package com.relais.crm.audit;

import com.relais.crm.identity.StaffGroups;
import com.relais.crm.platform.InvalidFieldException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The audit, read-only: there is no way to change or delete a row through the API (405 for any other method). */
@RestController
@RequestMapping("/api/audit")
@PreAuthorize(StaffGroups.MANAGERS_ONLY)
@Tag(name = "Audit", description = "Who changed what and when, field by field; a manager's review of the team's"
    + " changes since the last one. Managers and admins.")
class AuditController {
  static final int MAX_PAGE = 500;

  private final AuditQueries queries;
  private final AuditReviews reviews;

  AuditController(AuditQueries queries, AuditReviews reviews) {
    this.queries = queries;
    this.reviews = reviews;
  }

  @GetMapping
  @Operation(summary = "Changes, newest first", description = "entity is one of customer, deal, exchange, attachment,"
      + " delivery, support-case, customer-category, exchange-catalogue, plan-template, campaign-text,"
      + " after-sale-template, team, or process for the engine's user operation log (entityId is then a process"
      + " instance id); from/to are instants (ISO-8601), by a user id. A new record is one row, field (created),"
      + " with its values in 'to'.")
  List<AuditChange> list(@RequestParam(required = false) String entity,
      @RequestParam(required = false) String entityId,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
      @RequestParam(required = false) String by,
      @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "100") int size) {
    if (page < 0) {
      throw new InvalidFieldException("page", "page: 0 or more");
    }
    if (size < 1 || size > MAX_PAGE) {
      throw new InvalidFieldException("size", "size: 1 to " + MAX_PAGE);
    }
    if (from != null && to != null && from.isAfter(to)) {
      throw new InvalidFieldException("from", "from: must not be after to");
    }
    var filter = new AuditQueries.Filter(blankToNull(entity), blankToNull(entityId), from, to,
        by == null || by.isBlank() ? null : List.of(by.strip()));
    return queries.changes(filter, page * size, size);
  }

  @GetMapping("/since-review")
  @Operation(summary = "What my team changed since my last review", description = "Grouped by person and record, each"
      + " field with its value before and after, the engine's process actions included; 'more' says a review shows at"
      + " most " + AuditReviews.MAX_CHANGES + " changes. A first review looks back "
      + AuditReviews.FIRST_LOOK_BACK_DAYS + " days. An admin who manages no team sees everyone's changes.")
  AuditReviews.SinceReview sinceReview() {
    return reviews.sinceLastReview();
  }

  @PostMapping("/reviews")
  @Operation(summary = "Mark my team's changes reviewed up to now", description = "The next since-review starts here.")
  AuditReviews.Review review() {
    return reviews.markReviewed();
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }
}
