package com.relais.crm.timeline;

import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PageableDefault;
import org.springframework.data.web.PagedModel;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
class TimelineController {
  private final Timeline timeline;

  TimelineController(Timeline timeline) {
    this.timeline = timeline;
  }

  /** Always newest first; a sort parameter is ignored. */
  @GetMapping("/api/customers/{id}/timeline")
  PagedModel<TimelineEntry> of(@PathVariable long id, @PageableDefault(size = 20) Pageable page) {
    return new PagedModel<>(timeline.of(id, Pageable.ofSize(page.getPageSize()).withPage(page.getPageNumber())));
  }
}
