package com.relais.crm.timeline;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PageableDefault;
import org.springframework.data.web.PagedModel;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Timeline", description = "A customer's whole history in one list.")
class TimelineController {
  private final Timeline timeline;

  TimelineController(Timeline timeline) {
    this.timeline = timeline;
  }

  /** Always newest first; a sort parameter is ignored. */
  @GetMapping("/api/customers/{id}/timeline")
  @Operation(summary = "Read a customer's history, newest first, a page at a time", description = "Its exchanges,"
      + " the attachments of the customer, its deals and its exchanges, and of its deals the stage changes, the"
      + " comments written in the stage forms and the tasks. Private exchanges and their attachments are left out"
      + " for those who may not see them. A sort parameter is ignored. 404 for an unknown customer.")
  PagedModel<TimelineEntry> of(@PathVariable long id, @PageableDefault(size = 20) Pageable page) {
    return new PagedModel<>(timeline.of(id, Pageable.ofSize(page.getPageSize()).withPage(page.getPageNumber())));
  }
}
