package com.relais.crm.web;

import com.relais.crm.timeline.Timeline;
import com.relais.crm.timeline.TimelineEntry;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A customer's timeline, newest first, a page at a time: the page holds the first, and the last line of each page
 * asks for the next when it scrolls into view (htmx "revealed"), so years of history never load at once.
 */
@Controller
class TimelinePart {
  static final int PAGE_SIZE = 20;

  private final Timeline timeline;

  TimelinePart(Timeline timeline) {
    this.timeline = timeline;
  }

  @GetMapping("/customers/{id}/timeline")
  String page(@PathVariable long id, @RequestParam(defaultValue = "0") int page, Model model) {
    put(id, Math.max(0, page), model);
    return "web/timeline :: entries";
  }

  void firstPage(long customerId, Model model) {
    put(customerId, 0, model);
  }

  private void put(long customerId, int page, Model model) {
    Page<TimelineEntry> entries = timeline.of(customerId, PageRequest.of(page, PAGE_SIZE));
    model.addAttribute("customerId", customerId);
    model.addAttribute("entries", entries.getContent());
    model.addAttribute("nextPage", entries.hasNext() ? page + 1 : null);
  }
}
