package com.relais.crm.communication;

import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/communication-types} and {@code /api/communication-statuses}: everyone reads them (forms offer the
 * active ones); only admins add, relabel, reorder or retire entries.
 */
@RestController
@RequestMapping("/api")
class CatalogueController {
  private static final String ADMINS = "hasAuthority('GROUP_camunda-admin')";
  private static final String KINDS = "{kind:communication-types|communication-statuses}";

  private final ExchangeCatalogue catalogue;

  CatalogueController(ExchangeCatalogue catalogue) {
    this.catalogue = catalogue;
  }

  @GetMapping("/" + KINDS)
  List<CatalogueEntry> list(@PathVariable String kind, @RequestParam(defaultValue = "false") boolean withRetired) {
    return catalogue.list(kindOf(kind), withRetired);
  }

  @GetMapping("/" + KINDS + "/{code}")
  CatalogueEntry get(@PathVariable String kind, @PathVariable String code) {
    return catalogue.get(kindOf(kind), code);
  }

  @PostMapping("/" + KINDS)
  @PreAuthorize(ADMINS)
  ResponseEntity<CatalogueEntry> add(@PathVariable String kind, @Valid @RequestBody CatalogueEntryRequest request) {
    CatalogueEntry added = catalogue.add(kindOf(kind), request);
    return ResponseEntity.created(URI.create("/api/" + kind + "/" + added.code())).body(added);
  }

  @PutMapping("/" + KINDS + "/{code}")
  @PreAuthorize(ADMINS)
  CatalogueEntry change(@PathVariable String kind, @PathVariable String code,
      @Valid @RequestBody CatalogueEntryRequest request) {
    return catalogue.change(kindOf(kind), code, request);
  }

  private static CatalogueKind kindOf(String path) {
    return path.equals("communication-types") ? CatalogueKind.TYPE : CatalogueKind.STATUS;
  }
}
