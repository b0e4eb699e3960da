package com.relais.crm.communication;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.tags.Tag;
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
@Tag(name = "Exchanges", description = "Calls, letters, meetings, notes and other exchanges with customers. Everyone"
    + " logged in logs them; a private exchange is seen only by its author, its assignees and admins.")
class CommunicationController {
  private final CommunicationService communications;

  CommunicationController(CommunicationService communications) {
    this.communications = communications;
  }

  @PostMapping
  @Operation(summary = "Log an exchange", description = "Everyone logged in; the caller is the author. type and status"
      + " must be current entries of their catalogues (status defaults to PLANNED). 400 naming the field for an"
      + " unknown customer, a deal that is unknown or of another customer, an unknown assignee, or an end before the"
      + " start. Answers 201 with the exchange and its Location.")
  ResponseEntity<CommunicationView> create(@Valid @RequestBody @io.swagger.v3.oas.annotations.parameters.RequestBody(
      required = true, content = @Content(examples = @ExampleObject(value = "{\"type\": \"CALL\","
          + " \"subject\": \"Called about the forklift quote\","
          + " \"details\": \"Wants delivery before March; send the revised quote.\","
          + " \"start\": \"2026-11-24T09:30:00Z\", \"end\": \"2026-11-24T09:45:00Z\", \"status\": \"DONE\","
          + " \"customerId\": 12}")))
      CommunicationDetails details) {
    Communication created = communications.create(details);
    return ResponseEntity.created(URI.create("/api/communications/" + created.getId()))
        .body(CommunicationView.of(created));
  }

  @GetMapping("/{id}")
  @Operation(summary = "Read one exchange", description = "A private exchange the caller may not see answers 404,"
      + " exactly like a missing one.")
  CommunicationView get(@PathVariable long id) {
    return CommunicationView.of(communications.get(id));
  }

  @PutMapping("/{id}")
  @Operation(summary = "Change an exchange", description = "The body replaces the exchange as a whole, with the same"
      + " fields and checks as when logging it: a field left out is cleared (a status left out is PLANNED again). An"
      + " exchange may keep a type or status retired since. Only its author or an admin (403 for others); 404 for an"
      + " exchange the caller may not see.")
  CommunicationView update(@PathVariable long id, @Valid @RequestBody CommunicationDetails details) {
    return CommunicationView.of(communications.update(id, details));
  }

  @GetMapping
  @Operation(summary = "Search exchanges, a page at a time", description = "Every criterion is optional and they"
      + " combine: q in the subject or details (any part of a word, any case), type, status, from and to bounding"
      + " the start (both inclusive), customerId, opportunityId, author. Private exchanges the caller may not see are"
      + " left out. Newest start first by default.")
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
