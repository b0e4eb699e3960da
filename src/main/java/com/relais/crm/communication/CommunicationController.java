package com.relais.crm.communication;

import jakarta.validation.Valid;
import java.net.URI;
import java.time.Instant;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.web.PageableDefault;
import org.springframework.data.web.PagedModel;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Every logged-in user logs exchanges: sales calls, support notes, logistics letters alike. */
@RestController
@RequestMapping("/api/communications")
class CommunicationController {
  private final CommunicationService communications;

  CommunicationController(CommunicationService communications) {
    this.communications = communications;
  }

  @PostMapping
  ResponseEntity<CommunicationView> create(@Valid @RequestBody CommunicationDetails details) {
    Communication created = communications.create(details);
    return ResponseEntity.created(URI.create("/api/communications/" + created.getId()))
        .body(CommunicationView.of(created));
  }

  @GetMapping("/{id}")
  CommunicationView get(@PathVariable long id) {
    return CommunicationView.of(communications.get(id));
  }

  @PutMapping("/{id}")
  CommunicationView update(@PathVariable long id, @Valid @RequestBody CommunicationDetails details) {
    return CommunicationView.of(communications.update(id, details));
  }

  @GetMapping
  PagedModel<CommunicationView> search(
      @RequestParam(required = false) String q,
      @RequestParam(required = false) String type,
      @RequestParam(required = false) String status,
      @RequestParam(required = false) Instant from,
      @RequestParam(required = false) Instant to,
      @RequestParam(required = false) Long customerId,
      @RequestParam(required = false) Long opportunityId,
      @RequestParam(required = false) String author,
      @PageableDefault(size = 20, sort = "startsAt", direction = Sort.Direction.DESC) Pageable page) {
    var criteria = new CommunicationSearch(q, type, status, from, to, customerId, opportunityId, author);
    return new PagedModel<>(communications.search(criteria, page).map(CommunicationView::of));
  }
}
